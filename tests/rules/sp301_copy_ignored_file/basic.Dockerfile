FROM alpine:3.20 AS build
RUN echo > /app.log

FROM alpine:3.20
# expect: SP301 @6 "`COPY` source `app.log` is excluded by `.dockerignore`"
COPY app.log /var/log/
# expect: SP301 @5 "`ADD` source `secrets/key` is excluded"
ADD secrets/key /etc/
# expect: SP301 @13 "`docs`"
COPY app.py docs /srv/
COPY app.py /srv/
COPY --from=build /app.log /x/
ADD https://example.com/app.log /x/
ARG NAME=app
# expect: SP301 "`app.log`"
COPY ${NAME}.log /x/
ARG OTHER
COPY ${OTHER}.log /x/
# expect: SP301 "`a/b/c.tmp`"
COPY ./a/b/c.tmp /x/
# expect: SP301 "`/app.log`"
COPY /app.log /x/
COPY . /srv/
COPY <<EOF /x.log
text
EOF
