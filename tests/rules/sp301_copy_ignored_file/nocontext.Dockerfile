FROM alpine:3.20
# Without a build context the rule says nothing.
COPY app.log /var/log/
