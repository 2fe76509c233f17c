FROM node:22-slim
ARG NPM_TOKEN
# expect: SP402 @10 "`echo` writes `$NPM_TOKEN` out"
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
# expect: SP402 @10 "`curl` gets a credential on its command line"
RUN curl -u "deploy:${DEPLOY_PASSWORD}" -fsSLO https://files.example.com/app.tgz
# expect: SP402 @10 "`curl` gets a credential"
RUN curl -H "Authorization: token ${GITHUB_TOKEN}" -fsSL https://api.github.com/user
# expect: SP402 @10 "`wget` gets a credential"
RUN wget --password=s3cret -q https://files.example.com/app.tgz
# expect: SP402 @11 "`mysql` gets a password"
RUN mysql -phunter2 -e "select 1"
# expect: SP402 @24 "`docker` gets a password"
RUN docker login -u me -p "$REGISTRY_PASSWORD" registry.example.com
# expect: SP402 @18
ONBUILD RUN echo "$API_KEY" > /etc/app/key
