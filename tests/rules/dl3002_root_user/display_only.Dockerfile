FROM debian:12
# No user known: the fix (`USER nobody`) is only shown.
# expect: DL3002 @6 fix=display
USER root
CMD ["bash"]
