# A COPY/ADD-only fragment.
# expect: DL3020 @1
ADD app.py /app/
COPY requirements.txt /app/
