FROM alpine:3.20
# Placeholders, variables, documentation examples, and names that only look like tokens.
ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
ENV GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
RUN git clone "https://ci:${GIT_TOKEN}@git.example.com/org/app.git" /src
RUN curl -u "user:$PASSWORD" https://example.com/ && curl https://user:password@example.com/
RUN echo "-----BEGIN PUBLIC KEY-----" > /tmp/key.pub
ENV MAP_URL=https://maps.example.com/ AIZA=1
RUN pip install npm_helper==1.0 && echo AKIA
