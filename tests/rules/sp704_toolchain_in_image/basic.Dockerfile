FROM golang:1.23
WORKDIR /src
COPY . .
# expect: SP704 @5 "`go` builds in the stage that ships, so the Go toolchain ships too"
RUN go build -o /app .
RUN go vet ./...
CMD ["/app"]
