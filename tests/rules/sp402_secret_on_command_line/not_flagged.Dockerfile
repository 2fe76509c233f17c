FROM node:22-slim
# Read from a secret mount in the same RUN.
RUN --mount=type=secret,id=token curl -H "Authorization: Bearer $(cat /run/secrets/token)" https://api.example.com/
RUN --mount=type=secret,id=pw mysql --password="$(cat /run/secrets/pw)" -e "select 1"
# Not credentials.
RUN curl -H "Accept: application/json" -u anonymous: https://example.com/
RUN echo "$TOKENIZERS_PARALLELISM" "$PASSWORD_FILE" && echo "$HOME"
RUN mysql -u root -e "select 1"
RUN echo "Secret File $SECRETFILE does not exist" && echo "$TOKEN_PATH"
RUN useradd --create-home --password $(head -c32 /dev/urandom | base64) penguin
