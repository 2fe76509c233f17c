FROM python:3.12-slim
WORKDIR /app
# expect: SP303 @6 fix=safe "`.dockerignore` does not exclude `.env`, `.env.local`, `node_modules`, which `COPY .` copies"
COPY . .
