FROM node:22-slim
RUN npm ci && npm install -g pnpm@9.1.0 && npm install left-pad@1.3.0
RUN yarn install --frozen-lockfile && yarn --immutable && pnpm install --frozen-lockfile
RUN yarn build
RUN yarn --version && yarn -v
