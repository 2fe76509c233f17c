FROM python:3.12 AS base
# expect: DL3045 @23 "`COPY` to relative destination `.` before any `WORKDIR`"
COPY requirements.txt .
# expect: DL3045 @13 "`ADD` to relative destination `app/`"
ADD main.py app/
COPY main.py /app/
COPY main.py c:/app/
# Variables are expanded; values only the build knows are not judged.
ENV REL=app ABS=/app
# expect: DL3045 @14 "`$REL` (`app`)"
COPY main.py $REL
COPY main.py $ABS
COPY main.py $UNSET
# expect: DL3045 @14 "`sub/${UNSET}`"
COPY main.py sub/${UNSET}
ONBUILD COPY . src/
WORKDIR /app
COPY . .

# The WORKDIR of the stage it is built on counts.
FROM base
COPY . .

FROM python:3.12 AS other
# expect: DL3045 @8
COPY . .
ONBUILD WORKDIR /srv

# An ONBUILD WORKDIR of the base stage runs first in a stage built on it.
FROM other
COPY . .

# A scratch stage starts in `/`.
FROM scratch
COPY app app
