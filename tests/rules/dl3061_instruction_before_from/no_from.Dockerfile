# A file without FROM: everything but ARG is before the first FROM.
ARG A=1
# expect: DL3061 @1 "`RUN`"
RUN true
# expect: DL3061 @1 "`ONBUILD`"
ONBUILD RUN true
