# An ONBUILD-only fragment.
# expect: DL3014 @13 fix=safe
ONBUILD RUN apt-get install --no-install-recommends python=3.11.2-1
