FROM
RUN apt-get install python
USER root
