FROM node:22-alpine
# expect: DL3016 @20 "Pin the version of `typescript` (`npm install typescript@<version>`)"
# expect: DL3016 @31 "`@angular/cli`"
RUN npm install -g typescript @angular/cli eslint@9.12.0 @vue/cli@5.0.8
# Installing what package.json and the lock file say is fine.
RUN npm install && npm ci && npm install --omit dev
# Pinned: versions and tags, git refs, tarballs, local folders.
RUN npm install -g npm@10.8.3 corepack@latest git+https://github.com/x/y.git#v1.0.0 https://example.com/x.tgz ./local ../other /abs ~/home . file:../lib user/repo#v2.1.0
# Git URLs and GitHub shorthands without a ref are not.
# expect: DL3016 @17
# expect: DL3016 @48
RUN npm install git+https://github.com/x/y.git user/repo
# npm i and npm add are npm install (hadolint misses them).
# expect: DL3016 @14
RUN npm i -g pnpm
# expect: DL3016 @13
RUN npm add lodash
# Option values are not packages, and options may come first.
# expect: DL3016 @90
RUN npm --prefix /app --registry https://registry.example.com --loglevel warn install -g yarn
# Other subcommands.
RUN npm run build && npm uninstall lodash && npm update && npm exec typescript
# Multi-line.
RUN npm install -g \
# expect: DL3016 @7
      nodemon \
      pm2@5.4.2
# Wrappers, exec form, heredocs, ONBUILD.
# expect: DL3016 @32
RUN su node -c "npm install -g http-server"
# expect: DL3016 @33
RUN sudo -u node npm install -g http-server
# expect: DL3016 @30
RUN ["npm", "install", "-g", "http-server"]
RUN <<EOF
# expect: DL3016 @16
npm install -g http-server
EOF
# expect: DL3016 @28
ONBUILD RUN npm install -g http-server
