FROM python:3.12
# Named files and folders: the fix is safe.
# expect: DL3020 @1 fix=safe "`ADD` copies only local files and folders here; use `COPY`"
COPY requirements.txt /app/
# expect: DL3020 @1 fix=safe
COPY . /app
# expect: DL3020 @1 fix=safe
COPY --chown=app:app conf/ app.py /app/
# A name without extension could be a tar archive, which ADD would unpack: unsafe.
# expect: DL3020 @1 fix=unsafe
COPY src /app/src
# expect: DL3020 @1 fix=unsafe
copy bin/* /usr/local/bin/
# URLs, Git repositories and archives are what ADD is for.
ADD https://example.com/tool.sh /usr/local/bin/
ADD http://example.com/tool.sh /usr/local/bin/
ADD git@github.com:org/repo.git /src
ADD app.tar.gz /opt/
ADD ["vendor.tgz", "/opt/"]
ADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef https://example.com/a /a
ADD --keep-git-dir=true https://github.com/org/repo.git /src
# Mixed with a URL: the local file belongs in a COPY of its own.
# expect: DL3020 @36 fix=none "`local.cfg` is a local source"
ADD https://example.com/remote.cfg local.cfg /etc/app/
# Variables are expanded.
ARG URL=https://example.com/x.sh
ARG FILE=settings.ini
ARG UNSET
ADD ${URL} /usr/local/bin/
# expect: DL3020 @1 fix=safe
COPY $FILE /etc/app/
# Only the build knows: it may be a URL.
ADD $UNSET /etc/app/
# JSON form.
# expect: DL3020 @1 fix=safe
COPY ["main.py", "/app/"]
# In a trigger too.
# expect: DL3020 @9 fix=safe
ONBUILD COPY . /app/
ONBUILD ADD $SRC /app/
