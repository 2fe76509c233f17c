# A build stage only copied from is not shipped.
FROM alpine:3.20 AS build
RUN apk add gcc=13.2.1_git20240309-r0
RUN gcc --version > /version
FROM alpine:3.20 AS base
# expect: DL3019 @5
RUN apk add ca-certificates=20240705-r0
FROM base
COPY --from=build /version /version
# expect: DL3019 @5
RUN apk add curl=8.9.1-r1
