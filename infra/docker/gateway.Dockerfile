# syntax=docker/dockerfile:1.7
# The gateway (GraphQL endpoint, explorer, /auth, /files). Build from the repository root:
#   docker build -f infra/docker/gateway.Dockerfile -t poortwachter/gateway:<version> .

FROM node:24.21.0-bookworm-slim AS prune
WORKDIR /repo
COPY . .
RUN npx --yes turbo@2.11.11 prune @poortwachter/gateway --docker

FROM node:24.21.0-bookworm-slim AS build
WORKDIR /repo
COPY --from=prune /repo/out/json/ ./
# The image's Node is the pinned runtime: the root `node` package's download step is skipped, so its
# unfilled bin link goes too.
RUN npm ci --ignore-scripts --no-audit --no-fund && rm -f node_modules/.bin/node
COPY --from=prune /repo/out/full/ ./
# Builds the schema package too, which checks the checked-in supergraph against the subgraphs.
RUN npx turbo run build --filter=@poortwachter/gateway

FROM node:24.21.0-bookworm-slim AS deps
WORKDIR /repo
COPY --from=prune /repo/out/json/ ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace=@poortwachter/gateway

FROM node:24.21.0-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 GATEWAY_PORT=4000
WORKDIR /app
COPY --from=deps --chown=node:node /repo/node_modules ./node_modules
COPY --from=build --chown=node:node /repo/services/kit/package.json ./services/kit/package.json
COPY --from=build --chown=node:node /repo/services/kit/dist ./services/kit/dist
COPY --from=build --chown=node:node /repo/schema/package.json ./schema/package.json
COPY --from=build --chown=node:node /repo/schema/dist ./schema/dist
COPY --from=build --chown=node:node /repo/schema/supergraph.graphql ./schema/supergraph.graphql
COPY --from=build --chown=node:node /repo/gateway/package.json ./gateway/package.json
COPY --from=build --chown=node:node /repo/gateway/dist ./gateway/dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "gateway/dist/main.js"]
