# Root on purpose: the entrypoint drops to the app user with gosu.
FROM debian:12-slim
RUN useradd --create-home app
USER app
RUN echo "setting up"
USER root
ENTRYPOINT ["gosu", "app", "/usr/local/bin/server"]
