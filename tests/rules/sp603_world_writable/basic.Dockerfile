FROM node:22-slim
# expect: SP603 @14 "`chmod 777` makes files writable by everyone"
RUN chmod -R 777 /app
# expect: SP603 @11 "`chmod o+w`"
RUN chmod o+w /etc/app.conf
# expect: SP603 @11 "`chmod a+rwx`"
# expect: SP603 @32 "`chmod 0666`"
RUN chmod a+rwx /data && chmod 0666 /data/db
# expect: SP603 @6 "`--chmod=777` makes the copied files writable by everyone"
COPY --chmod=777 run.sh /usr/local/bin/
# expect: SP603 @19
ONBUILD RUN chmod 777 /x
