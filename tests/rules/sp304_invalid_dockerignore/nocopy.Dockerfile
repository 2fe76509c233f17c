FROM alpine:3.20
# Nothing is read from the context (and there is no context here).
RUN echo hi
