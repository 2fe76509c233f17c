FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
# Installing the project itself needs its sources.
FROM python:3.12-slim
COPY . /src
RUN pip install --no-cache-dir /src && npm install left-pad@1.3.0
# A copy from another stage is not the build context.
FROM node:22-slim
COPY --from=0 /app .
RUN npm ci
