FROM node:22-slim
COPY .env.example /app/.env.example
COPY certs/ca-chain.pem certs/server-cert.pem certs/id_rsa.pub /etc/ssl/
COPY package.json .npmrc.template /app/
COPY keys/public.key /etc/app/
COPY jenkins.io-2026.key /war/jenkins-key.pub
COPY postgresql.gpg.key azl3-repomd.xml.key /tmp/
COPY ffdhe4096.pem fullchain.pem /etc/ssl/
