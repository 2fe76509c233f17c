# shipshape-test: --default-set
# A server started as `tool subcommand`.
# expect: DL3057 @1 "although it starts `manage.py runserver`"
FROM python:3.12-slim
COPY . /app
CMD ["python", "/app/manage.py", "runserver", "0.0.0.0:8000"]
