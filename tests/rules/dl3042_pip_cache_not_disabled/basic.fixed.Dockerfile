FROM python:3.12-slim
# expect: DL3042 @5 fix=unsafe "`pip install` without `--no-cache-dir`"
RUN pip install --no-cache-dir flask==3.0.3
RUN pip install --no-cache-dir flask==3.0.3 && pip --no-cache-dir install flask==3.0.3
# Requirement files and local projects download too.
# expect: DL3042 @5
RUN pip3 install --no-cache-dir -r requirements.txt
# expect: DL3042 @5
RUN python -m pip install --no-cache-dir .
# Each install keeps its own downloads.
# expect: DL3042 @5
# expect: DL3042 @33
RUN pip install --no-cache-dir -U pip==24.2 && pip install --no-cache-dir flask==3.0.3
# The cache emptied later in the same RUN is gone from the image.
RUN pip install flask==3.0.3 && pip cache purge
RUN pip install flask==3.0.3 && rm -rf /root/.cache/pip
RUN pip install flask==3.0.3 && rm -rf ~/.cache
# A cache, tmpfs or bind mount over pip's cache keeps it out of the image.
RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3
RUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install flask==3.0.3
RUN --mount=type=tmpfs,target=/root/.cache pip install flask==3.0.3
# A mount elsewhere does not.
# expect: DL3042 @47
RUN --mount=type=cache,target=/root/.cache/uv pip install --no-cache-dir flask==3.0.3
# PIP_NO_CACHE_DIR given to the command or exported earlier in the RUN.
RUN PIP_NO_CACHE_DIR=1 pip install flask==3.0.3
RUN env PIP_NO_CACHE_DIR=true pip install flask==3.0.3
RUN export PIP_NO_CACHE_DIR=off && pip install flask==3.0.3
# A plain shell variable is not exported: pip does not see it.
# expect: DL3042 @25
RUN PIP_NO_CACHE_DIR=1; pip install --no-cache-dir flask==3.0.3
# pipx, pipenv and uv are other tools.
RUN pipx install poetry==1.8.3 && pipenv install && uv pip install --system ruff==0.6.9
# Not installs.
RUN pip download flask==3.0.3 && pip list && pip uninstall -y flask
# Multi-line, wrappers, exec form, heredocs, ONBUILD.
RUN set -eux; \
# expect: DL3042 @5
    pip install --no-cache-dir \
      flask==3.0.3
# expect: DL3042 @13
RUN sudo -H pip3 install --no-cache-dir flask==3.0.3
# expect: DL3042 @12
RUN sh -c 'pip install --no-cache-dir flask==3.0.3'
# expect: DL3042 @6
RUN ["pip", "install", "--no-cache-dir", "flask==3.0.3"]
RUN <<EOF
# expect: DL3042 @1
pip install --no-cache-dir flask==3.0.3
EOF
# expect: DL3042 @13
ONBUILD RUN pip install --no-cache-dir flask==3.0.3
