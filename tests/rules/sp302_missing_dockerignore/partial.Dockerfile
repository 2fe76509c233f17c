FROM node:22
# No whole-context copy, and no context: nothing to say.
COPY src/ /app/
