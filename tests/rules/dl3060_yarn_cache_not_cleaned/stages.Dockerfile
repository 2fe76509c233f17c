# The build stage is only copied from: its cache never reaches the image.
FROM node:22-alpine AS build
WORKDIR /app
COPY . .
RUN yarn install --frozen-lockfile && yarn build
FROM node:22-alpine
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY package.json yarn.lock ./
# expect: DL3060 @5
RUN yarn install --production --frozen-lockfile
