FROM alpine:3.20
# Labels set by ONBUILD land in downstream images: their keys are checked too.
# expect: DL3048 @15 fix=unsafe "`Vendor`"
ONBUILD LABEL Vendor=acme
ONBUILD LABEL org.example.vendor=acme
# Inside ONBUILD, variables expand downstream: the key is not judged.
ONBUILD LABEL ${KEY}=1
