FROM python:3.12-slim AS base
# expect: DL4003 @1 fix=safe "This `CMD` has no effect: the `CMD` on line 7, the last of the stage, replaces it"
COPY app.py /app/app.py
# expect: DL4003 @1 fix=safe "line 7"
CMD ["python", "/app/app.py"]
# Each stage has its own CMD.
FROM base
CMD ["python", "/app/app.py", "--debug"]
# ONBUILD CMD is for downstream images.
FROM base AS other
ONBUILD CMD ["a"]
CMD ["b"]
# Over continuation lines, indented.
FROM base AS third
# expect: DL4003 @3 fix=safe "line 20"
CMD ["python", "y.py"]
