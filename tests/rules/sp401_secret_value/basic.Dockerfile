FROM alpine:3.20
# expect: SP401 @18 "a GitHub token"
ENV GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345
# expect: SP401 @23 "an AWS access key id"
ARG AWS_ACCESS_KEY_ID=AKIA2OGYBAH6TVQ4XZ7M
# expect: SP401 @26 "a URL with a password"
RUN git clone https://ci:hunter2@git.example.com/org/app.git /src
# expect: SP401 @25 "a Slack token"
LABEL notify="slack" t="xoxb-123456789012-abcdefABCDEF"
# expect: SP401 @11 "a private key"
RUN echo "-----BEGIN OPENSSH PRIVATE KEY-----" > /root/.ssh/id_ed25519
# expect: SP401 @36 "a JSON Web Token"
RUN curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U" https://api.example.com/
# expect: SP401 @19
ONBUILD ENV TOKEN=glpat-abcdefghij0123456789
