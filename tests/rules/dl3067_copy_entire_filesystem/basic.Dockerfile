FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static-debian12
# expect: DL3067 @19 "`COPY --from=build` copies the whole filesystem of `build` over `/`"
COPY --from=build / /
# Quotes, JSON form, and paths that clean to the root.
# expect: DL3067 @19
COPY --from=build "/" '/'
# expect: DL3067 @20
COPY --from=build ["/", "/"]
# expect: DL3067 @19
COPY --from=build //. /./
# Sources are relative to the source stage's root: `.` is the root too.
# expect: DL3067 @19
COPY --from=build . /
# Only the root source is reported.
# expect: DL3067 @28
COPY --from=build /out/app / /
# Images, stage numbers.
# expect: DL3067 @26
COPY --from=busybox:1.36 / /
# Not the whole filesystem, or not onto the root.
COPY --from=build /out/app /app
COPY --from=build / /rootfs/
COPY --from=build /out/ /
COPY --from=build / .
COPY / /
ADD / /
# Over continuation lines.
COPY --from=build \
# expect: DL3067 @6
     / \
     /
