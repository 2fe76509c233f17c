FROM golang:1.23 AS build
RUN go build -o /app .

# The image: no USER anywhere in its chain, and a user created in it: unsafe fix.
# expect: SP701 @1 fix=unsafe "The image never sets `USER`, so containers run as root (`python:3.12-slim` is not known to switch user"
FROM python:3.12-slim
RUN useradd --create-home app
COPY --from=build /app /usr/local/bin/app
CMD ["app"]
USER app
