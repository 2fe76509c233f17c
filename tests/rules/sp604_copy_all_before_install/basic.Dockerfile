FROM node:22-slim
WORKDIR /app
COPY . .
# expect: SP604 @5 "`npm ci` runs after the whole context is copied (line 3)"
RUN npm ci
CMD ["node", "server.js"]

FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
COPY ./ /app
# expect: SP604 @5 "`pip install` runs after"
RUN pip install --no-cache-dir -r requirements.txt && pip install --no-cache-dir .

FROM golang:1.23 AS build
COPY . /src
WORKDIR /src
# expect: SP604 @5 "`go mod` runs after"
RUN go mod download && go build -o /app .
