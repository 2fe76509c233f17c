# shipshape-test: --require-label=contact:email
FROM alpine:3.20
# RFC 5322 addr-spec.
LABEL contact="jane@example.com"
LABEL contact="jane.doe+docker@mail.example.co.uk"
LABEL contact="\"jane doe\"@example.com"
LABEL contact="ops@[192.0.2.1]"
LABEL contact="o'brien!#$%&*/=?^_`{|}~@localhost"
# expect: DL3058 @15 "Label `contact` is not a valid e-mail address: `Jane Doe`"
LABEL contact="Jane Doe"
# expect: DL3058 @15 "`Jane Doe <jane@example.com>`"
LABEL contact="Jane Doe <jane@example.com>"
# expect: DL3058 @15 "`jane..doe@example.com`"
LABEL contact="jane..doe@example.com"
# expect: DL3058 @15 "`.jane@example.com`"
LABEL contact=".jane@example.com"
# expect: DL3058 @15 "`jane@`"
LABEL contact="jane@"
# expect: DL3058 @15 "`@example.com`"
LABEL contact="@example.com"
# expect: DL3058 @15 "`jane@example..com`"
LABEL contact="jane@example..com"
# expect: DL3058 @15 "`jane doe@example.com`"
LABEL contact="jane doe@example.com"
# expect: DL3058 @15 "`https://example.com/team`"
LABEL contact="https://example.com/team"
# Values are expanded; one only the build knows is not judged; an empty one is DL3051's.
ARG TEAM=platform
ARG UNKNOWN
LABEL contact="${TEAM}@example.com"
# expect: DL3058 @15 "`platform`"
LABEL contact="${TEAM}"
LABEL contact="${UNKNOWN}" contact=""
