FROM node:22-alpine
ARG TOOLS="typescript eslint@9.12.0"
ARG UNSET
ARG NPM_VERSION=10.8.3
# expect: DL3016 @20 "`typescript`"
RUN npm install -g $TOOLS
# Unknown values are not reported (hadolint reports them).
RUN npm install -g $UNSET "${UNSET}"
RUN npm install -g npm@${NPM_VERSION}
