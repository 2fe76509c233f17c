# escape=`
# The backtick escape on a Linux base image: RUN is POSIX sh, so the shell rules judge it, with
# backtick continuation lines.
FROM debian:12.6-slim
RUN apt-get update && `
# expect: DL3008 @48 "`curl`"
    apt-get install -y --no-install-recommends curl && `
    rm -rf /var/lib/apt/lists/*
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# A Windows stage runs cmd: nothing here is sh.
RUN apt-get install -y curl
