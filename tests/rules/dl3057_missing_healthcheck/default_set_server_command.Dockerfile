# shipshape-test: --default-set
# No EXPOSE, but the start command (through tini and exec) runs a known server.
# expect: DL3057 @1 "although it starts `gunicorn`"
FROM python:3.12-slim
RUN pip install --no-cache-dir gunicorn==22.0.0
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn app:app
