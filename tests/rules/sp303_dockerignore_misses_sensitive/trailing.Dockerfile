FROM python:3.12-slim
# expect: SP303 @6 fix=safe "`.env`"
COPY ./ /app
