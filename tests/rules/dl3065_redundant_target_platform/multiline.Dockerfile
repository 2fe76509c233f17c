FROM \
# expect: DL3065 @3 fix=safe
  --platform=$TARGETPLATFORM \
  alpine:3.20
