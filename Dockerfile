# One image for the API and the worker: `node dist/src/api/server.js` or `node dist/src/worker.js`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json openapi.yaml ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json openapi.yaml ./
# file blobs (a volume shared by the API and the worker in docker-compose.yml); created here so `node` owns it
ENV FILES_DIR=/var/lib/sabnode/files
RUN mkdir -p /var/lib/sabnode/files && chown node:node /var/lib/sabnode/files
USER node
EXPOSE 3000
CMD ["node", "dist/src/api/server.js"]
