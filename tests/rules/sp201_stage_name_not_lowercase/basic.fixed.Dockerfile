# expect: SP201 @21 fix=safe "Stage name `Builder` should be lowercase"
FROM golang:1.23 AS builder
RUN go build -o /app .

FROM builder AS test
RUN go test ./...

FROM alpine:3.20
COPY --from=builder /app /app
COPY --from=builder /app /app2
RUN --mount=type=bind,from=builder,target=/src true
COPY --from=test /app /app3
# expect: SP201 @21 fix=safe
from alpine:3.20 as tools
# Lower-case names, unnamed stages and other words are fine.
FROM alpine:3.20 AS tools-2
FROM alpine:3.20
FROM ALPINE
