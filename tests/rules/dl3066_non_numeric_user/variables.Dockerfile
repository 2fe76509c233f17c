FROM debian:12 AS base
ENV APP_USER=app
# expect: DL3066 @6 "The image runs as user `app` (from `${APP_USER}`)"
USER ${APP_USER}
FROM debian:12 AS numeric
ARG APP_UID=10001
USER $APP_UID
FROM debian:12 AS unknown
ARG UID
# A user only the build decides is not judged.
USER ${UID}
FROM base
# The image's user comes from the stage it is built FROM.
RUN true
