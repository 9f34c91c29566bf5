# One image for the API and the worker (docker-compose.yml runs both, and the migrations, from it):
#   node dist/src/api/server.js | node dist/src/worker.js | node dist/scripts/migrate.js
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json openapi.yaml ./
COPY src ./src
COPY scripts ./scripts
# the wire types the server compiles against: the TypeScript SDK's generated schema (src/types/wire.ts)
COPY sdks/typescript/src/generated/schema.ts ./sdks/typescript/src/generated/schema.ts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 \
    FILES_DIR=/var/lib/sabnode/files BACKUP_DIR=/var/lib/sabnode/backups
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json openapi.yaml ./
# the volumes' mount points, created here so the unprivileged user owns them (uid 1000 is `node` in this image)
RUN mkdir -p /var/lib/sabnode/files /var/lib/sabnode/backups && chown -R 1000:1000 /var/lib/sabnode
USER 1000:1000
EXPOSE 3000
CMD ["node", "dist/src/api/server.js"]
