FROM alpine:3.20
# A quote in a legacy key is taken verbatim; in `key=value` it would start a quoted string.
# expect: SP205 @5 fix=none
ENV NAME}" alpine:3.20 AS c
