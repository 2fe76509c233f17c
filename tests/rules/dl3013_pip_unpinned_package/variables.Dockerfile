FROM python:3.12-slim
ARG PACKAGES="flask requests==2.32.3"
ARG UNSET
ARG PY=3.12
# expect: DL3013 @32 "`flask`"
RUN pip install --no-cache-dir $PACKAGES
# Unknown values are not reported (hadolint reports them).
RUN pip install --no-cache-dir $UNSET "${UNSET}" "$(cat /pkg)"
# A pin through a variable, and a command word through one.
ARG FLASK_VERSION=3.0.3
RUN pip install --no-cache-dir flask==${FLASK_VERSION}
# expect: DL3013 @47
RUN python${PY} -m pip install --no-cache-dir click
