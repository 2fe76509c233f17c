FROM node:22
# expect: DL3043 @9 "`FROM` is not allowed as an `ONBUILD` trigger"
ONBUILD FROM node:22
# expect: DL3043 @9 "`MAINTAINER` is not allowed as an `ONBUILD` trigger"
ONBUILD MAINTAINER Jane Doe
# expect: DL3043 @9 "`ONBUILD ONBUILD` is not allowed"
onbuild onbuild RUN make
ONBUILD COPY . /app/
ONBUILD RUN npm ci
