# syntax=docker/dockerfile:1.7
# One static frontend (a shell or a remote) on unprivileged nginx. Build from the repository root:
#   docker build -f infra/docker/frontend.Dockerfile --build-arg FRONTEND=shell-employee --build-arg KIND=shell -t poortwachter/shell-employee:<version> .
#   (the agenda remote is tagged poortwachter/agenda-remote: poortwachter/agenda is the subgraph)
#   FRONTEND: shell-employee | shell-employer (KIND=shell), employee-portal | employer-dashboard | agenda (KIND=remote)
# A shell serves /runtime-config.json from the environment at start (PUBLIC_GATEWAY_URL and the
# remotes' PUBLIC_*_URL), so one image runs in every environment.

ARG FRONTEND=shell-employee
ARG KIND=shell

FROM node:24.21.0-bookworm-slim AS prune
ARG FRONTEND
WORKDIR /repo
COPY . .
RUN npx --yes turbo@2.11.11 prune @poortwachter/${FRONTEND} --docker

FROM node:24.21.0-bookworm-slim AS build
ARG FRONTEND
WORKDIR /repo
COPY --from=prune /repo/out/json/ ./
# The image's Node is the pinned runtime: the root `node` package's download step is skipped, so its
# unfilled bin link goes too.
RUN npm ci --ignore-scripts --no-audit --no-fund && rm -f node_modules/.bin/node
COPY --from=prune /repo/out/full/ ./
RUN npx turbo run build --filter=@poortwachter/${FRONTEND}

FROM nginxinc/nginx-unprivileged:1.29.3-alpine AS runtime
ARG FRONTEND
ARG KIND
ENV DEFAULT_LOCALE=nl
COPY --chown=101:101 infra/docker/nginx/${KIND}.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build --chown=101:101 /repo/frontends/${FRONTEND}/dist /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --retries=3 CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
