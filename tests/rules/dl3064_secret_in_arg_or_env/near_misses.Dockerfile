FROM mcr.microsoft.com/devcontainers/base:debian
# User names are not secrets (hadolint's most frequent DL3064 false positive).
ARG USERNAME=vscode
ARG USER_UID=1000
ENV DOCKER_USERNAME=ci TRAVIS_OS_NAME=linux FACEBOOK_APP_ID=123
# `private` alone, `tokenizers`, public keys and key checksums, auth settings.
ARG PRIVATE_REGISTRY=registry.example.com
ENV TOKENIZERS_PARALLELISM=false
ENV GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D
ARG ZULU_KEY_SHA256=abc
ENV POSTGRES_HOST_AUTH_METHOD=trust
# Files holding the secret (the recommended way), public parts, versions.
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db DB_PASSWORD_FILE=/run/secrets/db
ARG GPG_PUBLIC_KEY
ARG DOCKER_AUTH_VERSION=1.2 TOKEN_VERSION=2
# Values are never examined.
ENV API_URL=https://example.com/?token=abc
