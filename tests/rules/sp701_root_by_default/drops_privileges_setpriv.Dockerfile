# setpriv (util-linux) in a shell-form start command.
FROM debian:12-slim
COPY app /app
CMD exec setpriv --reuid=65534 --regid=65534 --clear-groups /app
