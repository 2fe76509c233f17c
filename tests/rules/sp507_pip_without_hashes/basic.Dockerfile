FROM python:3.12-slim
# expect: SP507 @32 "`pip install -r requirements.txt` installs whatever the index serves"
RUN pip install --no-cache-dir -r requirements.txt
# expect: SP507 @26
ONBUILD RUN pip3 install -r /app/req.txt
