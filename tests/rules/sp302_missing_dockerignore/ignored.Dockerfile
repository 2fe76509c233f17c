FROM node:22
# The context has a `.dockerignore`.
COPY . .
