# A reference the fix cannot rewrite exactly (a quoted flag): no fix.
# expect: SP201 @21 fix=none
FROM golang:1.23 AS Builder
RUN go build -o /app .

FROM alpine:3.20
COPY --from="Builder" /app /app
