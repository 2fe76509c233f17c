FROM golang:1.23
ARG GOPLS_VERSION=v0.16.2
ARG LATEST=latest
ARG UNSET
RUN go install golang.org/x/tools/gopls@${GOPLS_VERSION}
# expect: DL3062 @16
RUN go install golang.org/x/tools/gopls@${LATEST}
# Unknown values are not reported.
RUN go install golang.org/x/tools/gopls@${UNSET} && go install ${UNSET}
