FROM golang:1.22
# expect: DL3003 @5 "`cd /src`"
WORKDIR /src
RUN go build -o /app .
RUN go build \
# expect: DL3003 @10
      && cd /tmp \
      && ls
# A subshell or a substitution limits the change on purpose.
RUN (cd /src && make) && echo "$(cd /tmp && pwd)"
# Seen through sh -c.
# expect: DL3003 @16
RUN sh -c 'ls; cd /var && ls'
# expect: DL3003 @19 "`cd`"
ONBUILD RUN true; cd
