FROM debian:12
# Checks on, or a `-k` that means something else.
RUN curl -fsSL https://example.com/a | sh
RUN wget -q https://example.com/b
RUN npm config set strict-ssl true
RUN git config --global http.sslVerify true
RUN sort -k 2 /etc/passwd
RUN ssh-keygen -k -f /tmp/krl
ENV NODE_TLS_REJECT_UNAUTHORIZED=1
ENV PYTHONHTTPSVERIFY=1
RUN pip install --index-url https://pypi.example.com/simple requests==2.32.3
