FROM golang:1.23 AS builder
RUN go build -o /app .

FROM alpine:3.20 AS Assets
RUN echo hi > /index.html

FROM gcr.io/distroless/base-debian12
COPY --from=builder /app /app
# Names match case-insensitively, as in BuildKit.
COPY --from=assets /index.html /srv/
COPY --from=BUILDER /app /app2
COPY --from=0 /app /app3
# External images, tagged or not, and named build contexts are fine (hadolint issue #859).
COPY --from=busybox /bin/busybox /bin/
COPY --from=nginx:1.27 /etc/nginx /etc/nginx
COPY --from=ghcr.io/org/tools /bin/tool /bin/
COPY --from=binary_dir app /app4
# A typo of an earlier stage's name.
# expect: DL3022 @6 "`--from=buidler` names no stage, so it is pulled as an image; did you mean stage `builder`?"
COPY --from=buidler /app /app
# BuildKit does not expand variables in `--from`.
ARG IMAGE=busybox
# expect: DL3022 @6 "`--from=${IMAGE}` cannot use variables"
COPY --from=${IMAGE} /bin/busybox /bin/
# expect: DL3022 @6 "cannot use variables"
COPY --from=traefik:${VERSION} /traefik /
# Neither a stage nor an image.
# expect: DL3022 @6 "`--from=My_Stage` is neither a stage of this Dockerfile nor a valid image reference"
COPY --from=My_Stage /a /a
# Later stages cannot be copied from.
# expect: DL3022 @6 "`--from=later` names a stage defined later (line 41)"
COPY --from=later /a /a
# expect: DL3022 @6 "`--from=3` names a stage defined later"
COPY --from=3 /a /a
# expect: DL3022 @6 "`--from=9` names no stage: stages are numbered 0 to 3"
COPY --from=9 /a /a
# Its own index is DL3023's.
COPY --from=2 /a /a
ONBUILD COPY --from=anything /a /a

FROM alpine:3.20 AS later
