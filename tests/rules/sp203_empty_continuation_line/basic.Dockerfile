FROM alpine:3.20
RUN apk add --no-cache \
# expect: SP203 @1 fix=safe "Empty continuation line"

    curl
COPY a \
# a comment inside the continuation is fine
  b \
# expect: SP203 @1 fix=safe
    	
# expect: SP203 @1 fix=safe

  /c/
# An empty line after a complete instruction is fine.

RUN true
