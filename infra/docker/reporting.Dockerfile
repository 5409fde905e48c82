# syntax=docker/dockerfile:1.7
# The reporting subgraph. Build from the repository root:
#   docker build -f infra/docker/reporting.Dockerfile -t poortwachter/reporting:<version> .
# Stages: prune (only the workspaces this service needs), build (all dependencies, tsc), deps
# (production dependencies only), runtime (non-root, compiled code + production node_modules).

FROM node:24.21.0-bookworm-slim AS prune
WORKDIR /repo
COPY . .
RUN npx --yes turbo@2.11.11 prune @poortwachter/reporting-service --docker

FROM node:24.21.0-bookworm-slim AS build
WORKDIR /repo
COPY --from=prune /repo/out/json/ ./
# The image's Node is the pinned runtime: the root `node` package's download step is skipped, so its
# unfilled bin link goes too.
RUN npm ci --ignore-scripts --no-audit --no-fund && rm -f node_modules/.bin/node
COPY --from=prune /repo/out/full/ ./
RUN npx turbo run build --filter=@poortwachter/reporting-service

FROM node:24.21.0-bookworm-slim AS deps
WORKDIR /repo
COPY --from=prune /repo/out/json/ ./
# Only this workspace's production dependencies (no test tools, no embedded Postgres, no browser).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace=@poortwachter/reporting-service

FROM node:24.21.0-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 REPORTING_PORT=4005
WORKDIR /app
COPY --from=deps --chown=node:node /repo/node_modules ./node_modules
COPY --from=build --chown=node:node /repo/services/kit/package.json ./services/kit/package.json
COPY --from=build --chown=node:node /repo/services/kit/dist ./services/kit/dist
COPY --from=build --chown=node:node /repo/services/reporting/package.json ./services/reporting/package.json
COPY --from=build --chown=node:node /repo/services/reporting/dist ./services/reporting/dist
USER node
EXPOSE 4005
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4005/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "services/reporting/dist/main.js"]
