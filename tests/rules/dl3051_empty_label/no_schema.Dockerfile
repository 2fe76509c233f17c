# Without a label schema nothing is required to be non-empty.
FROM alpine:3.20
LABEL version=""
