FROM alpine:3.20
# An exception could take back something below `docs`: not reported.
COPY docs /srv/docs
COPY docs/README.md /srv/
# A wildcard source may expand to what the exception takes back.
COPY docs/*.md /srv/
# expect: SP301 "`docs/other.md`"
COPY docs/other.md /srv/
# expect: SP301 "`app.log`"
COPY app.log /srv/
COPY . /srv/
