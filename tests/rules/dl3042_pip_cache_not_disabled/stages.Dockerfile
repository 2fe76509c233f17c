# A build stage only copied from is not shipped: its cache never reaches the image.
FROM python:3.12-slim AS build
RUN pip install --prefix=/install flask==3.0.3
FROM python:3.12-slim
COPY --from=build /install /usr/local
# expect: DL3042 @5
RUN pip install gunicorn==23.0.0
