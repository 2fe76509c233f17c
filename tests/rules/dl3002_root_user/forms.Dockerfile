FROM debian:12
USER app
# expect: DL3002 @6 "`USER 0:0`"
USER 0:0
