FROM node:22-slim
# expect: SP506 @9 fix=unsafe "`npm install` may change package-lock.json"
RUN npm install --omit=dev
# expect: SP506 @9 fix=unsafe
RUN npm i
# An option `npm ci` does not take: flagged, no fix.
# expect: SP506 @9 fix=none
RUN npm install --save-exact
# expect: SP506 @5 "`yarn install` may resolve other versions"
RUN yarn
# expect: SP506 @10 "add `--frozen-lockfile`"
RUN pnpm install
# expect: SP506 @17 fix=none
ONBUILD RUN npm install
