FROM node:22-slim AS base
USER node
# USER set earlier in the chain: not this rule's business (DL3002 judges a last `USER root`).
FROM base
CMD ["node", "server.js"]
