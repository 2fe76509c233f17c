FROM node:22-slim
RUN chmod 755 /app && chmod 1777 /tmp/shared && chmod +x /run.sh && chmod u+w,g+w /data
RUN chmod o+t,o+w /scratch && chmod 644 /etc/app.conf
COPY --chmod=755 run.sh /usr/local/bin/
