FROM python:3.12-slim
# Everything sensitive is excluded, or taken back on purpose (`!.env.local`).
COPY . /app
