FROM node:22 AS build
RUN npm --version

# expect: DL3024 @17 "Stage name `build` is already used by the stage on line 1"
FROM node:22 AS build
RUN node --version

# Names are compared as BuildKit stores them: lower-cased.
# expect: DL3024 @21 "Stage name `Build` is already used by the stage on line 1"
FROM alpine:3.20 AS Build

FROM alpine:3.20 AS other
FROM alpine:3.20
FROM alpine:3.20
