ONBUILD RUN apt-get install python
ONBUILD COPY . /app
