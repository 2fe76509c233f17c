FROM debian:12-slim
# expect: SP509 @5 "`curl` downloads `/tmp/tool.tar.gz` and `tar` uses it"
RUN curl -fsSLo /tmp/tool.tar.gz https://example.com/tool-1.2.3.tar.gz \
    && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin
# expect: SP509 @5 "`wget` downloads `install.sh` and `sh` uses it"
RUN wget -q https://example.com/install.sh && sh install.sh
# expect: SP509 @5 "`curl` downloads `app.deb` and `dpkg` uses it"
RUN curl -fsSLO https://example.com/app.deb && dpkg -i app.deb
# expect: SP509 @5 "and `chmod` uses it"
RUN curl -fsSLo /usr/local/bin/tool https://example.com/tool && chmod +x /usr/local/bin/tool
# expect: SP509 @13
ONBUILD RUN wget -O /tmp/x.zip https://example.com/x.zip && unzip /tmp/x.zip
