FROM alpine:3.20
ARG DIR_BINARIES=binaries/
ARG DIR_ASSETS=assets/
# expect: SP211 @6 "Usage of undefined variable `$DIR_ASSET` (did you mean `$DIR_ASSETS`?)"
COPY $DIR_ASSET .
# expect: SP211 @10 "`$PAHT` (did you mean `$PATH`?)"
ENV PATH=$PAHT:/tmp/bin
# Declared later does not count.
# expect: SP211 @9 "`$foo`"
WORKDIR /$foo
ARG foo=bar
RUN echo $foo $undeclared_in_run_is_the_shells

# On an image whose environment shipshape does not know, only likely typos.
FROM golang:1.23
ARG APP_NAME=tool
WORKDIR $GOPATH/src
# Two edits away on an unknown image: maybe the image's own variable.
WORKDIR /$APP_NM
# expect: SP211 @9 "(did you mean `$APP_NAME`?)"
WORKDIR /$APP_NAM
