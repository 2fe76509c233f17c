# expect: SP201 @21 fix=safe "Stage name `Builder` should be lowercase"
FROM golang:1.23 AS Builder
RUN go build -o /app .

FROM builder AS test
RUN go test ./...

FROM alpine:3.20
COPY --from=Builder /app /app
COPY --from=BUILDER /app /app2
RUN --mount=type=bind,from=Builder,target=/src true
COPY --from=test /app /app3
# expect: SP201 @21 fix=safe
from alpine:3.20 as Tools
# Lower-case names, unnamed stages and other words are fine.
FROM alpine:3.20 AS tools-2
FROM alpine:3.20
FROM ALPINE
