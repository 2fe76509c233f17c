FROM alpine:3.20
# expect: DL3020 @1 fix=safe
ADD <<EOF /etc/motd
hello
EOF
