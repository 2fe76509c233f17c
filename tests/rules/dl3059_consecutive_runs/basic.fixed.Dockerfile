FROM debian:12
RUN useradd --create-home app \
# expect: DL3059 @1 "This `RUN` directly follows the `RUN` on line 2"
 && mkdir /data \
# Comments do not separate them.
# expect: DL3059 @1 "line 4"
 && chown app /data
# Any other instruction does.
WORKDIR /data
RUN true
ENV A=1
RUN true
# Two or more commands in either RUN: the split was deliberate (as hadolint decides).
RUN a && b
RUN true
RUN c; d
RUN true \
# expect: DL3059 @1 "line 17"
 && true \
# The keyword's case does not matter; indentation neither.
# expect: DL3059 @3
 && true \
# `[ ... ]` is a condition, not a command (as for hadolint).
# expect: DL3059 @1
 && [ -d /data ] && echo "exists" \
# expect: DL3059 @1
 && if [ -n "$X" ]; then echo "set"; fi
