FROM node:22-slim
# expect: SP403 @6 "`.npmrc` is a credentials file"
COPY .npmrc /root/.npmrc
# expect: SP403 @6 "a private SSH key"
COPY id_rsa /root/.ssh/id_rsa
# expect: SP403 @5 "an environment file"
ADD .env /app/.env
# expect: SP403 @6 "is a private key"
COPY certs/server.key certs/server.crt /etc/ssl/private/
# expect: SP403 @14
ONBUILD COPY .env.production /app/
