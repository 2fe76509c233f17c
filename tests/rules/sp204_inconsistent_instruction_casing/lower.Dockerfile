from alpine:3.20
run apk add --no-cache curl
# expect: SP204 @1 fix=safe "(lowercase)"
COPY a /a
copy b /b
