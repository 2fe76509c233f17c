# A LABEL-only fragment.
# expect: DL3048 @7
LABEL -bad=x
LABEL org.opencontainers.image.title="ok"
