FROM debian:12
# BuildKit trims the value; hadolint compares `root ` with `root`.
# expect: DL3002 @6
USER root 
