FROM nginx:1.27
# expect: SP206 @8 fix=safe "Protocol in EXPOSE port `80/TcP` should be lowercase"
# expect: SP206 @15 fix=safe
EXPOSE 80/tcp 53/udp 8080/udp 443
ENV PROTO=TCP
# expect: SP206 @8 fix=none "`90/TCP` (from `90/$PROTO`)"
EXPOSE 90/$PROTO
ARG UNKNOWN
EXPOSE 91/$UNKNOWN
