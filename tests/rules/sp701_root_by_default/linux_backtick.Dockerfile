# escape=`
# The backtick escape does not make a Linux base image Windows.
# expect: SP701 @1 fix=display "containers run as root"
FROM debian:12.6-slim
RUN echo one && `
    echo two
