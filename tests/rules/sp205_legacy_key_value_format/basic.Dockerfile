FROM alpine:3.20
# expect: SP205 @5 fix=safe "`ENV LANG value` is the legacy format; use `ENV LANG=value`"
ENV LANG C.UTF-8
# expect: SP205 @5 fix=safe
ENV PATH /opt/bin:$PATH
# expect: SP205 @7 fix=safe "`LABEL description value`"
LABEL description A small image, built with $VERSION
# expect: SP205 @5 fix=safe
ENV A "x y"
# expect: SP205 @5 fix=safe
ENV B x=1 y=2
# Quotes or escapes that double quotes would change, and values over several lines: no fix.
# expect: SP205 @5 fix=none
ENV C "a" "b"
# expect: SP205 @5 fix=none
ENV D a\ b c
# expect: SP205 @5 fix=none
ENV E a \
  b
# The key=value form, and ARG, are fine.
ENV F=1 G="x y"
LABEL a=b
ARG H
