# A fragment: a WORKDIR may have been set before it, so a relative destination is not judged.
COPY app.py app/
