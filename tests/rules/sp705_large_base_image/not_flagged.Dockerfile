FROM node:22 AS build
RUN npm ci && npm run build
FROM node:22-slim
COPY --from=build /app /app
