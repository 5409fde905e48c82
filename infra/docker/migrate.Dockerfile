# syntax=docker/dockerfile:1.7
# `npm run migrate` as an image: every subgraph's migrations under one Postgres advisory lock.
# Runs as the Kubernetes migration Job and the compose "migrate" one-shot service.
#   docker build -f infra/docker/migrate.Dockerfile -t poortwachter/migrate:<version> .

FROM node:24.21.0-bookworm-slim AS prune
WORKDIR /repo
COPY . .
RUN npx --yes turbo@2.11.11 prune @poortwachter/identity-service @poortwachter/dossier-service @poortwachter/agenda-service @poortwachter/activities-service @poortwachter/reporting-service --docker

FROM node:24.21.0-bookworm-slim AS build
WORKDIR /repo
COPY --from=prune /repo/out/json/ ./
# The image's Node is the pinned runtime: the root `node` package's download step is skipped, so its
# unfilled bin link goes too.
RUN npm ci --ignore-scripts --no-audit --no-fund && rm -f node_modules/.bin/node
COPY --from=prune /repo/out/full/ ./
RUN npx turbo run build --filter=@poortwachter/*-service --filter=@poortwachter/infra

FROM node:24.21.0-bookworm-slim AS deps
WORKDIR /repo
COPY --from=prune /repo/out/json/ ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  --workspace=@poortwachter/identity-service --workspace=@poortwachter/dossier-service \
  --workspace=@poortwachter/agenda-service --workspace=@poortwachter/activities-service \
  --workspace=@poortwachter/reporting-service

FROM node:24.21.0-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps --chown=node:node /repo/node_modules ./node_modules
COPY --from=build --chown=node:node /repo/services/kit/package.json ./services/kit/package.json
COPY --from=build --chown=node:node /repo/services/kit/dist ./services/kit/dist
COPY --from=build --chown=node:node /repo/services/identity/package.json ./services/identity/package.json
COPY --from=build --chown=node:node /repo/services/identity/dist ./services/identity/dist
COPY --from=build --chown=node:node /repo/services/dossier/package.json ./services/dossier/package.json
COPY --from=build --chown=node:node /repo/services/dossier/dist ./services/dossier/dist
COPY --from=build --chown=node:node /repo/services/agenda/package.json ./services/agenda/package.json
COPY --from=build --chown=node:node /repo/services/agenda/dist ./services/agenda/dist
COPY --from=build --chown=node:node /repo/services/activities/package.json ./services/activities/package.json
COPY --from=build --chown=node:node /repo/services/activities/dist ./services/activities/dist
COPY --from=build --chown=node:node /repo/services/reporting/package.json ./services/reporting/package.json
COPY --from=build --chown=node:node /repo/services/reporting/dist ./services/reporting/dist
COPY --from=build --chown=node:node /repo/infra/dist/migrate.js ./infra/dist/migrate.js
USER node
# A one-shot job: healthy while it runs, it exits 0 when the database is up to date.
HEALTHCHECK NONE
CMD ["node", "infra/dist/migrate.js"]
