FROM alpine:3.20
# expect: DL3057 @1 "The image of stage `stage-1` has no `HEALTHCHECK`"
FROM alpine:3.20
