FROM nginx:1.27
# expect: SP207 @8 fix=safe "EXPOSE port `127.0.0.1:80:80` defines an IP address or host port"
# expect: SP207 @24 fix=safe
# expect: SP207 @44 fix=safe
EXPOSE 80 8080/udp 5000 8000
# expect: SP207 @8 fix=safe
EXPOSE 81/tcp
ENV MAP=9090:90
# expect: SP207 @8 fix=none "`9090:90` (from `$MAP`)"
EXPOSE $MAP
# A port spec BuildKit rejects gets no fix.
# expect: SP207 @8 fix=none
EXPOSE host:80:80
EXPOSE 80 443/tcp 8000-8010
