FROM python:3.12-slim
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
RUN pip install --no-cache-dir requests==2.32.3
