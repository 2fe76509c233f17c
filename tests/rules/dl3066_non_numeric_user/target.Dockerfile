# shipshape-test: --target=prod
FROM debian:12 AS prod
# expect: DL3066 @6 "`root`"
USER root
FROM prod AS dev
USER 1000
