FROM node:22
WORKDIR /app
# expect: SP302 @6 fix=safe "`.env`, `id_rsa`, `node_modules`, `server.pem` included"
COPY . .
COPY . /other
