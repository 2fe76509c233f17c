# GO_VERSION the Go release to build with
ARG GO_VERSION=1.23
# expect: SP208 @1 "Comment for `ARG` should follow the format `# foo <description>`"
# the foo value
ARG foo=bar
# expect: SP208 @1 "`# <arg_key> <description>`"
# several values
ARG a=1 b=2
# b is one of them
ARG a=1 b=2
ARG undocumented

# expect: SP208 @1 "Comment for `FROM` should follow the format `# build <description>`"
# the build stage
FROM golang:${GO_VERSION} AS Build
# build the binary
RUN go build .
# runtime the final image
FROM alpine:3.20 AS runtime
# A stage without a name is fine.
FROM alpine:3.20
