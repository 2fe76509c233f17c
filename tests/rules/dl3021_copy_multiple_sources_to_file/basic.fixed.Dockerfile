FROM node:22
# expect: DL3021 @37 fix=unsafe "Destination `/app` of a `COPY` with 2 sources must end with `/`"
COPY package.json package-lock.json /app/
COPY package.json package-lock.json /app/
COPY package.json /app
# Quoted: the `/` goes inside the quotes.
# expect: DL3021 @10 fix=unsafe
COPY a b "/srv/x/"
# JSON form.
# expect: DL3021 @17 fix=unsafe
COPY ["a", "b", "/srv/x/"]
# Variables are expanded.
ENV DIR=/opt/app/
ENV FILE=/opt/app
COPY a b $DIR
# expect: DL3021 @10 fix=unsafe "`$FILE` (`/opt/app`)"
COPY a b $FILE/
# Only the build knows the value, but the end is written out.
ARG UNSET
COPY a b $UNSET
COPY a b $UNSET/
# expect: DL3021 @10 "Destination `$UNSET/x` of"
COPY a b $UNSET/x/
# ADD too, and the flags do not count as sources.
# expect: DL3021 @30 "an `ADD`"
ADD --chown=1000 a.txt b.txt /data/
COPY --from=build /a /b/
# expect: DL3021 @18
ONBUILD COPY a b c/
# On a continuation line.
COPY a \
     b \
# expect: DL3021 @6
     /dest/
# A trailing backslash is a Windows directory.
COPY a.dll b.dll C:\\Windows\\System32\\
