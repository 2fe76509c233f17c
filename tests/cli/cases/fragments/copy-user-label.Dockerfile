COPY --chown=app:app . /app
ADD app.tar.gz /opt/
USER root
LABEL maintainer="me" org.opencontainers.image.title=""
