# Without a label schema the rule has nothing to require.
FROM alpine:3.20
RUN true
