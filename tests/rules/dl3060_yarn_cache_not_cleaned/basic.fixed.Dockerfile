FROM node:22-alpine
WORKDIR /app
# expect: DL3060 @5 fix=unsafe "`yarn install` leaves the yarn cache in the image"
RUN yarn install --frozen-lockfile && yarn cache clean
RUN yarn install --frozen-lockfile && yarn cache clean
RUN yarn install --frozen-lockfile && yarn cache clean --all
# A bare `yarn` installs too (hadolint misses it); `yarn --version` does not.
# expect: DL3060 @5 "`yarn` leaves the yarn cache"
RUN yarn && yarn build && yarn cache clean
RUN yarn --version && yarn build && yarn run test
# The clean must come after the install.
# expect: DL3060 @25
RUN yarn cache clean && yarn install && yarn cache clean
# Removing yarn's cache directory counts.
RUN yarn install && rm -rf /usr/local/share/.cache/yarn
RUN yarn install && rm -rf ~/.cache/yarn/*
# A cache mount keeps it out of the image.
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
# One finding per RUN, at the first install left uncleaned.
RUN cd /a && yarn install && yarn cache clean \
# expect: DL3060 @14
 && cd /b && yarn install \
 && cd /c && yarn install && yarn cache clean
# Wrappers, exec form, heredocs, ONBUILD. No fix when another user installs.
# expect: DL3060 @17 fix=none
RUN su node -c "yarn install"
# expect: DL3060 @6 fix=none
RUN ["yarn", "install"]
RUN <<EOF
# expect: DL3060 @1 fix=none
yarn install
EOF
# expect: DL3060 @13
ONBUILD RUN yarn install && yarn cache clean
