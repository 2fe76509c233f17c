FROM alpine:3.20 AS build
RUN adduser -D -h /home/builder builder
USER builder

FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl
# A user the image has: `USER app` goes at the end (unsafe).
RUN useradd --create-home --shell /bin/bash app \
    && adduser app staff
# expect: DL3002 @6 fix=unsafe "`USER root`"
USER root
COPY run.sh /usr/local/bin/run.sh
CMD ["run.sh"]
USER app
