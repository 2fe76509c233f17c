# shipshape-test: --require-label=created:rfc3339
FROM alpine:3.20
# RFC 3339 date-times: `T` and `Z` in either case, fractions, numeric offsets, leap seconds.
LABEL created="2024-05-01T12:34:56Z"
LABEL created="2024-05-01t12:34:56z"
LABEL created="2024-05-01T12:34:56.123456+02:00"
LABEL created="2024-02-29T00:00:00-23:59"
LABEL created="2016-12-31T23:59:60Z"
# expect: DL3053 @15 "Label `created` is not an RFC 3339 date-time: `2024-05-01 12:00`"
LABEL created="2024-05-01 12:00"
# expect: DL3053 @15 "`2024-05-01`"
LABEL created="2024-05-01"
# expect: DL3053 @15 "`2024-05-01T12:34:56`"
LABEL created="2024-05-01T12:34:56"
# expect: DL3053 @15 "`2023-02-29T00:00:00Z`"
LABEL created="2023-02-29T00:00:00Z"
# expect: DL3053 @15 "`2024-13-01T00:00:00Z`"
LABEL created="2024-13-01T00:00:00Z"
# expect: DL3053 @15 "`2024-04-31T00:00:00Z`"
LABEL created="2024-04-31T00:00:00Z"
# expect: DL3053 @15 "`2024-05-01T24:00:00Z`"
LABEL created="2024-05-01T24:00:00Z"
# expect: DL3053 @15 "`2024-05-01T12:34:56.Z`"
LABEL created="2024-05-01T12:34:56.Z"
# expect: DL3053 @15 "`2024-05-01T12:34:56+0200`"
LABEL created="2024-05-01T12:34:56+0200"
# expect: DL3053 @15 "`2024-05-01T12:34:56Z `"
LABEL created="2024-05-01T12:34:56Z "
# expect: DL3053 @15 "`May 1 2024`"
LABEL created="May 1 2024"
# A value only the build knows is not judged; an empty one is DL3051's.
ARG BUILD_DATE
LABEL created=$BUILD_DATE
LABEL created=""
# Values are expanded with ARG and ENV values.
ARG DAY=2024-05-01
ENV WHEN="${DAY} 12:00"
LABEL created="${DAY}T12:00:00Z"
# expect: DL3053 @15 "`2024-05-01 12:00`"
LABEL created="$WHEN"
