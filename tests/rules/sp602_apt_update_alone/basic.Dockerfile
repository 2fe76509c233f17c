FROM debian:12
# expect: SP602 @5 "`apt-get update` in a RUN that installs nothing"
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
# Key and source setup around it still installs nothing.
# expect: SP602 @92 "`apt update`"
RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg && apt update
# expect: SP602 @5 "`apk update`"
RUN apk update
# expect: SP602 @13
ONBUILD RUN apt-get update
