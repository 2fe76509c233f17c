FROM nginx:1.27
# BuildKit rejects this one: its syntax error is reported, and it is neither judged nor deleted.
HEALTHCHECK CONNECT TCP 7000
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
