FROM python:3.12
ARG PY=3
ARG TOOLS=/opt/tools
# A command whose name holds a variable is still a command (hadolint leaves it out of its
# count, so it flags the second RUN here).
RUN "${TOOLS}/bin/setup" --all && echo done
RUN true
WORKDIR /app
RUN python$PY -m pip install -U pip
# expect: DL3059 @1 "line 9"
RUN "${TOOLS}/bin/check"
