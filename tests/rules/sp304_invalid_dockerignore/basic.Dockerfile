FROM alpine:3.20 AS build
RUN echo hi > /x
COPY --from=build /x /y
# expect: SP304 @6 ".dockerignore:3:3`: syntax error in pattern `a[bc`: unclosed `[`"
# expect: SP304 @6 ".dockerignore:4:1`: illegal exclusion pattern"
COPY app.py /srv/
COPY app.py /srv/
