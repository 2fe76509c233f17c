FROM golang:1.23
# expect: DL3062 @16 "Pin the version of `golang.org/x/tools/gopls` (`go install golang.org/x/tools/gopls@<version>`)"
RUN go install golang.org/x/tools/gopls
# Moving queries are not versions.
# expect: DL3062 @16 "`github.com/go-delve/delve/cmd/dlv`"
RUN go install github.com/go-delve/delve/cmd/dlv@latest
# expect: DL3062 @15
# expect: DL3062 @40
RUN go get -u golang.org/x/net@upgrade golang.org/x/crypto
RUN go install golang.org/x/tools/gopls@v0.16.2 && go get golang.org/x/net@v0.30.0
# Local packages and patterns carry the checkout's version.
RUN go install ./cmd/... && go install . && go get -d -v ./... && go install std && go install tool
# Flag values are not packages (hadolint takes `netgo` for one).
RUN go install -tags netgo -ldflags "-s -w" -o /bin/app -trimpath ./cmd/app
# expect: DL3062 @37
RUN go install -tags=netgo -mod mod example.com/cmd/tool
# go run: the package it runs, not the program's arguments; local files are fine.
# expect: DL3062 @12 "(`go run golang.org/x/tools/cmd/stringer@<version>`)"
RUN go run golang.org/x/tools/cmd/stringer -type=Pill example.com/not/a/package
RUN go run main.go example.com/arg && go run ./tools/gen && go run -exec sudo gotest.tools/gotestsum@v1.12.0 ./...
# hadolint checks only the `go run` of a RUN that has one; each command is checked here.
# expect: DL3062 @35
RUN go run ./gen.go && go install example.com/cmd/tool
# Other subcommands.
RUN go build ./... && go mod download && go test ./... && go env
# Multi-line, wrappers, exec form, heredocs, ONBUILD.
RUN go install \
      -v \
# expect: DL3062 @7
      honnef.co/go/tools/cmd/staticcheck
# expect: DL3062 @55
RUN GOBIN=/usr/local/bin /usr/local/go/bin/go install example.com/cmd/tool
# expect: DL3062 @23
RUN sh -c 'go install example.com/cmd/tool'
# expect: DL3062 @23
RUN ["go", "install", "example.com/cmd/tool"]
RUN <<EOF
# expect: DL3062 @12
go install example.com/cmd/tool
EOF
# expect: DL3062 @24
ONBUILD RUN go install example.com/cmd/tool
