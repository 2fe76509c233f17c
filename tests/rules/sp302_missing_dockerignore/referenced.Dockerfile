FROM node:22
WORKDIR /app
COPY .npmrc package.json ./
RUN npm ci
# expect: SP302 @6 fix=safe "`.env` included"
COPY ./ .
RUN git describe --tags > VERSION
