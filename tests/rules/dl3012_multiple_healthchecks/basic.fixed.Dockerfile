FROM nginx:1.27 AS base
# expect: DL3012 @1 fix=safe "the `HEALTHCHECK` on line 6, the last of the stage, replaces it"
# expect: DL3012 @3 fix=safe "line 6"
HEALTHCHECK --interval=10s \
    CMD curl -f http://localhost/health || exit 1
ONBUILD HEALTHCHECK NONE

# A stage may replace the health check of the stage it is built on.
FROM base
HEALTHCHECK NONE

FROM nginx:1.27
HEALTHCHECK CMD true
