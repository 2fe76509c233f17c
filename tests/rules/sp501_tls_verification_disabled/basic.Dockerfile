FROM debian:12
# Inside an option cluster, and spelled out.
# expect: SP501 @10 "`curl -k` accepts any TLS certificate"
RUN curl -fsSLk https://example.com/a.tar.gz | tar -xz -C /opt
# expect: SP501 @10 "`curl -k`"
RUN curl --insecure -o /tmp/b https://example.com/b
# expect: SP501 @10 "`wget --no-check-certificate`"
RUN wget --no-check-certificate -qO /tmp/c https://example.com/c
# expect: SP501 @17 "`--trusted-host`"
RUN pip install --trusted-host pypi.example.com requests==2.32.3
# expect: SP501 @20 "pip's `trusted-host` setting"
RUN pip config set global.trusted-host pypi.example.com
# expect: SP501 @20 "`npm` with `strict-ssl` off"
RUN npm config set strict-ssl false
# expect: SP501 @10 "`yarn` with `strict-ssl` off"
RUN yarn --strict-ssl=false install
# expect: SP501 @25 "`http.sslVerify` off"
RUN git config --global http.sslVerify false
# expect: SP501 @12 "`http.sslVerify` off"
RUN git -c http.sslVerify=false clone https://example.com/repo.git
# Variables: ENV, ARG, export, and before a command.
# expect: SP501 @5 "`NODE_TLS_REJECT_UNAUTHORIZED=0`"
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
# expect: SP501 @5 "`PYTHONHTTPSVERIFY=0`"
ARG PYTHONHTTPSVERIFY=0
# expect: SP501 @12 "`GIT_SSL_NO_VERIFY`"
RUN export GIT_SSL_NO_VERIFY=1 && git clone https://example.com/repo.git
# expect: SP501 @5 "`NODE_TLS_REJECT_UNAUTHORIZED=0`"
RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci
# Through sh -c.
# expect: SP501 @17
RUN sh -c 'curl -k https://example.com/d'
# expect: SP501 @18
ONBUILD RUN curl -k https://example.com/e
# expect: SP501 @20 "`sslverify` off"
RUN dnf install -y --setopt=sslverify=0 tool
# expect: SP501 @25 "`sslverify` off"
RUN printf '%s\n' '[x]' 'sslverify=false' > /etc/yum.repos.d/x.repo
