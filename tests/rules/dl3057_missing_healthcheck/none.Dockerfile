# `HEALTHCHECK NONE` is a decision, not an omission.
FROM nginx:1.27
HEALTHCHECK NONE
