# Asked for by its code (as every fixture does unless it says --default-set), DL3057 judges
# every image, tools included, as hadolint does.
# expect: DL3057 @1 "The image of stage `stage-0` has no `HEALTHCHECK`; add one"
FROM alpine:3.20
COPY tool /usr/local/bin/tool
ENTRYPOINT ["tool"]
