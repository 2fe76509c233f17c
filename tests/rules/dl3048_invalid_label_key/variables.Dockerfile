FROM alpine:3.20
ARG KEY=org.example.key
ARG BADKEY=Org.Example
ARG UNKNOWN
ENV PREFIX=com.docker
# Keys are expanded with ARG and ENV values, as BuildKit does.
LABEL ${KEY}=1
# expect: DL3048 @7 fix=none "Label key `Org.Example` has upper-case letters"
LABEL $BADKEY=1
# expect: DL3048 @7 fix=none "Label key `com.docker.thing` uses the namespace `com.docker.`"
LABEL ${PREFIX}.thing=1
# A key only the build knows is not judged.
LABEL ${UNKNOWN}=1 $UNDECLARED=2
# Values are not keys.
LABEL org.example.version=$BADKEY
# Across continuation lines.
LABEL org.example.a=1 \
# expect: DL3048 @7 "`Version`"
      Version=2 \
      org.example.b=3
