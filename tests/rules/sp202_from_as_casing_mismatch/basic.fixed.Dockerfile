# expect: SP202 @18 fix=safe "The casing of `as` does not match the casing of `FROM`"
FROM alpine:3.20 AS build
# expect: SP202 @18 fix=safe "The casing of `AS` does not match the casing of `from`"
from alpine:3.20 as build2
# expect: SP202 @18 fix=safe
FROM alpine:3.20 AS build3
# Matching casings, and a mixed-case FROM (SP204's business), are fine.
FROM alpine:3.20 AS ok1
from alpine:3.20 as ok2
From alpine:3.20 as ok3
FROM alpine:3.20
