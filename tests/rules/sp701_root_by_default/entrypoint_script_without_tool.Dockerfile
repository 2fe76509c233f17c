# An entrypoint script, but nothing in the image drops privileges: still root.
# expect: SP701 @1 fix=display "containers run as root"
FROM debian:12-slim
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
