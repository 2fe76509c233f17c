FROM python:3.12-slim
# expect: DL3013 @32 "Pin the version of `flask` (`pip install flask==<version>`)"
RUN pip install --no-cache-dir flask requests==2.32.3
# Pinned: specifiers, VCS URLs with a ref, archives, paths and URLs.
RUN pip install --no-cache-dir "flask>=3" "a<2" "b!=1" "c~=1.0" "d===1" git+https://github.com/x/y@v1.2 ./dist/pkg-1.0-py3-none-any.whl pkg-1.0.tar.gz https://example.com/pkg.zip
# A VCS URL without a ref is not pinned.
# expect: DL3013 @32 "(`pip install git+https://github.com/x/y.git@<ref>#egg=y`)"
RUN pip install --no-cache-dir git+https://github.com/x/y.git#egg=y
# Requirement and constraint files, and the local project, pin what the command installs.
RUN pip install --no-cache-dir -r requirements.txt flask && pip install --no-cache-dir --requirement=req.txt
RUN pip install --no-cache-dir -c constraints.txt flask && pip install --no-cache-dir . flask
RUN pip install --no-cache-dir -e . flask && pip install --no-cache-dir ".[dev]" flask
# Option values are not packages.
# expect: DL3013 @111
RUN pip install --no-cache-dir --index-url https://x/simple --root-user-action ignore --target /opt/lib -t /t wheel
# pip, pip3, pip3.12, python -m pip, and global options before `install`.
# expect: DL3013 @28
RUN pip3 install --upgrade setuptools
# expect: DL3013 @49
RUN pip3.12 --disable-pip-version-check install setuptools
# expect: DL3013 @31
RUN python3 -m pip install -U setuptools
# expect: DL3013 @46
RUN python3.12 -m pip --no-cache-dir install setuptools
# A pip of a virtual environment, called by its path.
# expect: DL3013 @42
RUN /venv/bin/pip install --no-cache-dir setuptools
# pipx and uv pip.
# expect: DL3013 @38 "(`pipx install poetry==<version>`)"
RUN pipx install --python python3.12 poetry
# expect: DL3013 @29 "(`uv pip install ruff==<version>`)"
RUN uv pip install --system ruff
RUN uv pip install --system ruff==0.6.9 && uv pip install -r requirements.txt
# Not installs: pipenv uses its Pipfile; download and uv add are other commands.
RUN pipenv install flask && pip download flask && uv add flask && python -m venv /venv
# Multi-line.
RUN pip install --no-cache-dir \
# expect: DL3013 @7
      numpy \
      pandas==2.2.3
# Wrappers, exec form, heredocs, ONBUILD.
# expect: DL3013 @26
RUN sudo -H pip3 install flask
# expect: DL3013 @55
RUN bash -c "source /venv/bin/activate && pip install flask"
# expect: DL3013 @24
RUN ["pip", "install", "flask"]
RUN <<EOF
# expect: DL3013 @13
pip install flask
EOF
# expect: DL3013 @25
ONBUILD RUN pip install flask
