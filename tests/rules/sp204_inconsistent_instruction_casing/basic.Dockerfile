# Global ARGs do not count.
arg VERSION=3.20
FROM alpine:${VERSION}
# expect: SP204 @1 fix=safe "Instruction `run` should match the case of the majority of instructions (uppercase)"
run apk add --no-cache curl
COPY a /a
# expect: SP204 @1 fix=safe "Instruction `Env`"
Env A=1
RUN true
