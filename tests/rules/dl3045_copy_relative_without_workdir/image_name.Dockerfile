FROM ubuntu:24.04
WORKDIR /app

# hadolint matches stages by image name: this is a new image, not the stage above.
FROM ubuntu:24.04
# expect: DL3045 @8
COPY . .
