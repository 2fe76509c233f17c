FROM nginx:1.27
EXPOSE 80 443/tcp 53/udp 8000-8100 65535 0
# expect: DL3011 @8 "Port `80800` is out of range"
EXPOSE 80800
# expect: DL3011 @11 "Port `65536/udp` is out of range"
EXPOSE 80 65536/udp
# Either end of a range.
# expect: DL3011 @8 "`8000-70000`"
EXPOSE 8000-70000
# Other specs BuildKit rejects, with its reason.
# expect: DL3011 @8 "`80/http` is not a valid port spec: invalid proto: http"
EXPOSE 80/http
# expect: DL3011 @8 "`90-80`"
EXPOSE 90-80
# expect: DL3011 @8 "`http`"
EXPOSE http
# Variables are expanded; values only the build knows are not checked.
ARG BAD=99999
ARG GOOD=8080
ARG UNSET
# expect: DL3011 @8 "Port `99999` (from `$BAD`) is out of range"
EXPOSE $BAD
EXPOSE ${GOOD} $UNSET ${UNSET:-70000}
ENV PORTS="8080 90000"
# One word, several ports.
# expect: DL3011 @8 "`90000` (from `$PORTS`)"
EXPOSE $PORTS
# expect: DL3011 @16
ONBUILD EXPOSE 123456
ONBUILD EXPOSE $PORT
EXPOSE 80/TCP
