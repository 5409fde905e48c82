import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_PORTS, SERVICE_NAMES } from '@poortwachter/kit';
import { checkProductionEnvironment } from '../src/production.js';
import { parseDockerfile, renderKustomization, type K8sObject } from './kustomize.js';

const REPO = path.resolve(__dirname, '..', '..');
const DOCKER = path.join(REPO, 'infra', 'docker');
const OVERLAYS = ['cloudnativepg', 'external-postgres'];
const FRONTEND_PACKAGES = ['shell-employee', 'shell-employer', 'employee-portal', 'employer-dashboard', 'agenda'];
/** The Secrets the manifests may reference; the README of each overlay says how they are made. */
const DOCUMENTED_SECRETS = new Set(['poortwachter-secrets', 'poortwachter-db-app', 'poortwachter-document-store']);

/** apiVersion per kind the manifests may use (the versions current Kubernetes serves). */
const API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Job: 'batch/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  NetworkPolicy: 'networking.k8s.io/v1',
  Cluster: 'postgresql.cnpg.io/v1',
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Container = {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: any }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: any;
  livenessProbe?: any;
  resources?: any;
  securityContext?: any;
  command?: string[];
};

function podSpec(object: K8sObject): any {
  return object.spec.template.spec;
}

function containersOf(object: K8sObject): Container[] {
  const spec = podSpec(object);
  return [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
}

/** The agenda remote's image is agenda-remote: "agenda" is the subgraph's. */
function frontendPackageOf(imageBase: string): string {
  return imageBase === 'agenda-remote' ? 'agenda' : imageBase;
}

function imageName(image: string): string {
  return image.split(':')[0]!;
}

/** What a Dockerfile for this image looks like once parsed; frontend images share one file. */
function dockerfileFor(image: string): ReturnType<typeof parseDockerfile> & { file: string } {
  const name = imageName(image).replace(/^poortwachter\//, '');
  const file = FRONTEND_PACKAGES.includes(frontendPackageOf(name)) && name !== 'agenda' ? 'frontend.Dockerfile' : `${name}.Dockerfile`;
  const text = fs.readFileSync(path.join(DOCKER, file), 'utf8');
  return { ...parseDockerfile(text), file };
}

function finalStage(dockerfile: ReturnType<typeof parseDockerfile>) {
  return dockerfile.stages.at(-1)!;
}

function instructionsOf(stage: { instructions: { keyword: string; args: string }[] }, keyword: string): string[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
}

function exposedPort(image: string): number {
  const exposed = instructionsOf(finalStage(dockerfileFor(image)), 'EXPOSE');
  expect(exposed, image).toHaveLength(1);
  return Number(exposed[0]);
}

describe.each(OVERLAYS)('Kubernetes overlay %s', (overlay) => {
  const objects = renderKustomization(path.join(REPO, 'infra', 'k8s', 'overlays', overlay));
  const byKind = (kind: string) => objects.filter((object) => object.kind === kind);
  const deployments = byKind('Deployment');
  const deployment = (name: string) => deployments.find((object) => object.metadata.name === name);

  it('renders objects that each have what Kubernetes requires', () => {
    expect(objects.length).toBeGreaterThan(20);
    const seen = new Set<string>();
    for (const object of objects) {
      const id = `${object.kind}/${object.metadata?.name}`;
      expect(API_VERSIONS[object.kind], `${id}: unexpected kind`).toBeDefined();
      expect(object.apiVersion, id).toBe(API_VERSIONS[object.kind]);
      expect(object.metadata.name, id).toMatch(DNS_LABEL);
      expect(object.metadata.name.length, id).toBeLessThanOrEqual(63);
      expect(object.metadata.namespace, id).toBe('poortwachter');
      expect(object.metadata.labels?.['app.kubernetes.io/part-of'], id).toBe('poortwachter');
      expect(seen.has(id), `${id} twice`).toBe(false);
      seen.add(id);
      if (object.kind !== 'ConfigMap') expect(object.spec, id).toBeTypeOf('object');
    }
  });

  it('has a Deployment with a Service for every subgraph, the gateway and every frontend', () => {
    const expected = [...SERVICE_NAMES, 'gateway', 'shell-employee', 'shell-employer', 'employee-portal', 'employer-dashboard', 'agenda-remote'];
    expect(deployments.map((object) => object.metadata.name).sort()).toEqual([...expected].sort());
    for (const object of deployments) {
      const id = `Deployment/${object.metadata.name}`;
      const selector = object.spec.selector?.matchLabels;
      expect(selector, id).toBeTypeOf('object');
      for (const [key, value] of Object.entries(selector)) expect(object.spec.template.metadata.labels[key], `${id} selector ${key}`).toBe(value);
      const spec = podSpec(object);
      expect(spec.containers.length, id).toBeGreaterThan(0);
      expect(spec.securityContext?.runAsNonRoot, `${id} runs as non-root`).toBe(true);
      expect(spec.securityContext?.runAsUser, id).toBeGreaterThan(0);
      expect(spec.automountServiceAccountToken, id).toBe(false);
      for (const container of containersOf(object)) {
        const cid = `${id} container ${container.name}`;
        expect(container.name, cid).toMatch(DNS_LABEL);
        expect(container.image, cid).toMatch(/^poortwachter\/[a-z-]+:\d+\.\d+\.\d+$/);
        for (const key of ['cpu', 'memory']) {
          expect(container.resources?.requests?.[key], `${cid} requests.${key}`).toBeDefined();
          expect(container.resources?.limits?.[key], `${cid} limits.${key}`).toBeDefined();
        }
        expect(container.securityContext?.allowPrivilegeEscalation, cid).toBe(false);
        expect(container.securityContext?.readOnlyRootFilesystem, cid).toBe(true);
        expect(container.securityContext?.capabilities?.drop, cid).toContain('ALL');
      }
      const service = byKind('Service').find((candidate) => candidate.metadata.name === object.metadata.name);
      expect(service, `Service for ${id}`).toBeDefined();
      for (const [key, value] of Object.entries(service!.spec.selector as Record<string, string>)) {
        expect(object.spec.template.metadata.labels[key], `Service/${service!.metadata.name} selects ${id}`).toBe(value);
      }
      const main = spec.containers[0] as Container;
      for (const port of service!.spec.ports as { port: number; targetPort: string | number }[]) {
        const target = main.ports?.find((candidate) => candidate.name === port.targetPort || candidate.containerPort === port.targetPort);
        expect(target, `Service/${service!.metadata.name} targetPort ${port.targetPort}`).toBeDefined();
      }
    }
  });

  it('gives every process its own port, the image the Dockerfile builds and probes on /health', () => {
    for (const name of [...SERVICE_NAMES, 'gateway'] as const) {
      const object = deployment(name)!;
      const container = podSpec(object).containers[0] as Container;
      const http = container.ports!.find((port) => port.name === 'http')!;
      expect(http.containerPort, name).toBe(DEFAULT_PORTS[name]);
      expect(exposedPort(container.image), `${name} image EXPOSE`).toBe(DEFAULT_PORTS[name]);
      const portVariable = container.env!.find((entry) => entry.name === `${name.toUpperCase()}_PORT`);
      expect(portVariable?.value, `${name} port variable`).toBe(String(DEFAULT_PORTS[name]));
      expect(imageName(container.image)).toBe(`poortwachter/${name}`);
      for (const probe of ['readinessProbe', 'livenessProbe'] as const) {
        expect(container[probe]?.httpGet?.path, `${name} ${probe}`).toMatch(/^\/health(\/live)?$/);
        expect(container[probe]?.httpGet?.port, `${name} ${probe} port`).toBe('http');
      }
      expect(container.readinessProbe.httpGet.path).toBe('/health');
      // The Dockerfile's own HEALTHCHECK asks the same endpoint on the same port.
      const healthcheck = instructionsOf(finalStage(dockerfileFor(container.image)), 'HEALTHCHECK')[0]!;
      expect(healthcheck).toContain(`http://127.0.0.1:${DEFAULT_PORTS[name]}/health`);
    }
    for (const object of deployments.filter((candidate) => candidate.metadata.labels?.['app.kubernetes.io/component'] === 'frontend')) {
      const container = podSpec(object).containers[0] as Container;
      expect(FRONTEND_PACKAGES).toContain(frontendPackageOf(imageName(container.image).replace('poortwachter/', '')));
      expect(container.ports![0]!.containerPort).toBe(exposedPort(container.image));
      expect(container.readinessProbe.httpGet.path).toBe('/healthz');
    }
  });

  it('lets subgraph pods start only on an up-to-date database, after a migration Job', () => {
    const [job] = byKind('Job');
    expect(job?.metadata.name).toBe('poortwachter-migrate');
    expect(['Never', 'OnFailure']).toContain(podSpec(job!).restartPolicy);
    expect(imageName(podSpec(job!).containers[0].image)).toBe('poortwachter/migrate');
    expect(podSpec(job!).containers[0].command).toEqual(['node', 'infra/dist/migrate.js']);
    for (const name of SERVICE_NAMES) {
      const init = podSpec(deployment(name)!).initContainers as Container[];
      expect(init?.[0]?.image, name).toBe(podSpec(job!).containers[0].image);
      expect(init[0]!.command, name).toEqual(['node', 'infra/dist/migrate.js']);
      expect((init[0] as Container & { args: string[] }).args, name).toEqual(['--wait']);
    }
    // The subgraphs themselves leave migrating to the Job and the init containers.
    expect(byKind('ConfigMap')[0]!.data!.MIGRATE_ON_START).toBe('false');
    const migrate = dockerfileFor('poortwachter/migrate');
    expect(instructionsOf(finalStage(migrate), 'COPY').some((copy) => copy.endsWith('/repo/infra/dist/migrate.js ./infra/dist/migrate.js'))).toBe(true);
  });

  it('autoscales the gateway and every subgraph, on CPU requests that exist', () => {
    const hpas = byKind('HorizontalPodAutoscaler');
    expect(hpas.map((object) => object.spec.scaleTargetRef.name).sort()).toEqual([...SERVICE_NAMES, 'gateway'].sort());
    for (const hpa of hpas) {
      const target = deployment(hpa.spec.scaleTargetRef.name);
      expect(target, hpa.metadata.name).toBeDefined();
      expect(hpa.spec.scaleTargetRef.kind).toBe('Deployment');
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      expect(podSpec(target!).containers[0].resources.requests.cpu).toBeDefined();
    }
  });

  it('lets only the gateway reach the subgraphs', () => {
    const policies = byKind('NetworkPolicy');
    for (const name of SERVICE_NAMES) {
      const labels = deployment(name)!.spec.template.metadata.labels as Record<string, string>;
      const selecting = policies.filter((policy) =>
        Object.entries(policy.spec.podSelector.matchLabels ?? {}).every(([key, value]) => labels[key] === value),
      );
      expect(selecting.length, `${name} is selected by a policy`).toBeGreaterThan(0);
      for (const policy of selecting) {
        expect(policy.spec.policyTypes).toContain('Ingress');
        for (const rule of policy.spec.ingress as { from?: any[]; ports?: { port: number }[] }[]) {
          const reachesApi = !rule.ports || rule.ports.some((port) => port.port === DEFAULT_PORTS[name]);
          if (!reachesApi) continue;
          expect(rule.from, `${policy.metadata.name}: a rule open to everyone`).toBeDefined();
          for (const peer of rule.from!) {
            expect(peer, `${policy.metadata.name}: only gateway pods`).toEqual({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } });
          }
        }
      }
    }
  });

  it('references only documented Secrets, and the ConfigMap plus Secrets make a valid production environment', () => {
    const configMaps = new Map(byKind('ConfigMap').map((object) => [object.metadata.name, object]));
    const secretKeys = new Map<string, Set<string>>();
    for (const object of [...deployments, ...byKind('Job')]) {
      for (const container of containersOf(object)) {
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef) expect(configMaps.has(source.configMapRef.name), source.configMapRef.name).toBe(true);
          expect(source.secretRef, 'whole Secrets are not mounted as env').toBeUndefined();
        }
        for (const entry of container.env ?? []) {
          const ref = entry.valueFrom?.secretKeyRef;
          if (!ref) continue;
          expect(DOCUMENTED_SECRETS.has(ref.name), `${object.metadata.name}: Secret ${ref.name}`).toBe(true);
          if (!secretKeys.has(ref.name)) secretKeys.set(ref.name, new Set());
          secretKeys.get(ref.name)!.add(ref.key);
        }
      }
    }
    // The identity pod's environment, with each referenced secret given a strong value.
    const identity = podSpec(deployment('identity')!).containers[0] as Container;
    const env: NodeJS.ProcessEnv = {};
    for (const source of identity.envFrom ?? []) Object.assign(env, configMaps.get(source.configMapRef!.name)!.data);
    for (const entry of identity.env ?? []) {
      if (entry.value !== undefined) env[entry.name] = entry.value;
      const ref = entry.valueFrom?.secretKeyRef;
      if (!ref || ref.optional) continue;
      env[entry.name] =
        entry.name === 'DATABASE_URL'
          ? 'postgres://app:pw@poortwachter-db-rw:5432/poortwachter'
          : entry.name === 'SMTP_URL'
            ? 'smtps://mailer:pw@mail.example.nl:465'
            : entry.name === 'IDENTITY_ENCRYPTION_KEY'
              ? randomBytes(32).toString('base64')
              : randomBytes(48).toString('base64url');
    }
    delete env.NODE_ENV; // the production start sets it itself; the images set it too
    expect(checkProductionEnvironment(env)).toEqual([]);
    if (overlay === 'cloudnativepg') {
      const [cluster] = byKind('Cluster');
      // CloudNativePG writes the application's connection URL into "<cluster>-app", key "uri".
      expect(`${cluster!.metadata.name}-app`).toBe('poortwachter-db-app');
      expect(secretKeys.get('poortwachter-db-app')).toEqual(new Set(['uri']));
      expect(cluster!.spec.instances).toBeGreaterThanOrEqual(2);
      expect(cluster!.spec.bootstrap.initdb.database).toBe('poortwachter');
    } else {
      expect(byKind('Cluster')).toHaveLength(0);
    }
  });
});

describe('Dockerfiles', () => {
  const files = fs.readdirSync(DOCKER).filter((file) => file.endsWith('.Dockerfile'));

  it('exist for every subgraph, the gateway, the migration step and the frontends', () => {
    expect(files.sort()).toEqual([...SERVICE_NAMES.map((name) => `${name}.Dockerfile`), 'frontend.Dockerfile', 'gateway.Dockerfile', 'migrate.Dockerfile'].sort());
  });

  it.each(files)('%s: multi-stage, pinned bases, non-root, health check, production dependencies only', (file) => {
    const dockerfile = parseDockerfile(fs.readFileSync(path.join(DOCKER, file), 'utf8'));
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    const names = new Set<string>();
    for (const stage of dockerfile.stages) {
      // An exact version, never latest or a floating major.
      expect(stage.from, file).toMatch(/^[a-z0-9./-]+:\d+\.\d+\.\d+(-[a-z0-9.-]+)?$/);
      for (const copy of instructionsOf(stage, 'COPY')) {
        const from = /--from=(\S+)/.exec(copy)?.[1];
        if (from) expect(names.has(from), `${file}: COPY --from=${from} names an earlier stage`).toBe(true);
      }
      if (stage.name) names.add(stage.name);
    }
    const runtime = finalStage(dockerfile);
    const user = instructionsOf(runtime, 'USER');
    expect(user.length, `${file}: USER`).toBe(1);
    expect(['root', '0', '0:0']).not.toContain(user[0]);
    expect(instructionsOf(runtime, 'HEALTHCHECK').length, `${file}: HEALTHCHECK`).toBe(1);
    // The runtime stage holds no sources and no build tools: only built output and production modules.
    for (const copy of instructionsOf(runtime, 'COPY')) {
      expect(copy, `${file}: ${copy}`).toMatch(/--from=|\.conf\.template/);
      expect(copy).not.toMatch(/\/src\b| \. \.$/);
    }
    expect(instructionsOf(runtime, 'RUN').join(' ')).not.toMatch(/npm (ci|install)/);
    if (file !== 'frontend.Dockerfile') {
      const modules = instructionsOf(runtime, 'COPY').find((copy) => copy.includes('/repo/node_modules'));
      const from = /--from=(\S+)/.exec(modules!)![1];
      const deps = dockerfile.stages.find((stage) => stage.name === from)!;
      expect(instructionsOf(deps, 'RUN').join(' '), `${file}: dependencies stage`).toMatch(/npm ci --omit=dev/);
      // The command runs a file the build produces from sources in the repository.
      const cmd = JSON.parse(instructionsOf(runtime, 'CMD')[0]!) as string[];
      const script = cmd.at(-1)!;
      expect(fs.existsSync(path.join(REPO, script.replace('/dist/', '/src/').replace(/\.js$/, '.ts'))), `${file}: ${script}`).toBe(true);
      expect(instructionsOf(runtime, 'COPY').some((copy) => copy.includes(path.dirname(script).replace(/^\.\//, ''))), `${file}: copies ${script}`).toBe(true);
    }
  });

  it('the frontend image builds each frontend package and answers its health check', () => {
    const dockerfile = parseDockerfile(fs.readFileSync(path.join(DOCKER, 'frontend.Dockerfile'), 'utf8'));
    expect(FRONTEND_PACKAGES).toContain(dockerfile.args.FRONTEND);
    for (const name of FRONTEND_PACKAGES) expect(fs.existsSync(path.join(REPO, 'frontends', name, 'package.json')), name).toBe(true);
    for (const kind of ['shell', 'remote']) {
      const template = fs.readFileSync(path.join(DOCKER, 'nginx', `${kind}.conf.template`), 'utf8');
      expect(template).toContain('listen 8080;');
      expect(template).toContain('location = /healthz');
      if (kind === 'shell') {
        // The runtime config the shells read is valid JSON once the variables are filled in.
        const body = /location = \/runtime-config\.json \{[^}]*return 200 '([^']+)';/s.exec(template)![1]!;
        const filled = body.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => (name === 'DEFAULT_LOCALE' ? 'nl' : `https://${name.toLowerCase()}.example`));
        const config = JSON.parse(filled) as { gatewayUrl: string; remotes: Record<string, string> };
        expect(config.gatewayUrl).toBe('https://public_gateway_url.example/graphql');
        expect(Object.keys(config.remotes).sort()).toEqual(['agenda', 'employeePortal', 'employerDashboard']);
      }
    }
    expect(instructionsOf(finalStage(dockerfile), 'EXPOSE')).toEqual(['8080']);
  });

  it('.dockerignore keeps local builds, dependencies, data and git out of the context', () => {
    const ignore = fs.readFileSync(path.join(REPO, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '.data', '.git', '.env']) expect(ignore).toContain(entry);
  });
});

describe('compose file', () => {
  const compose = parse(fs.readFileSync(path.join(DOCKER, 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, any>;
    networks: Record<string, any>;
  };

  it('builds every service from an existing Dockerfile and keeps the subgraphs off the published side', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres') {
        expect(service.image).toMatch(/^postgres:\d+\.\d+/);
        expect(service.healthcheck).toBeDefined();
        continue;
      }
      expect(fs.existsSync(path.join(REPO, service.build.dockerfile)), `${name}: ${service.build.dockerfile}`).toBe(true);
      if (SERVICE_NAMES.includes(name as never)) {
        expect(service.ports, `${name} is not published`).toBeUndefined();
        expect(service.expose).toEqual([String(DEFAULT_PORTS[name as keyof typeof DEFAULT_PORTS])]);
        expect(service.depends_on.migrate.condition).toBe('service_completed_successfully');
        expect(service.networks).toContain('backend');
        expect(service.networks).not.toContain('frontend');
      }
    }
    expect(compose.networks.backend.internal).toBe(true);
    expect(compose.services.gateway.ports).toEqual(['4000:4000']);
    for (const name of SERVICE_NAMES) {
      expect(compose.services.gateway.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${DEFAULT_PORTS[name]}/graphql`);
      expect(compose.services.gateway.depends_on[name].condition).toBe('service_healthy');
    }
    expect(compose.services.migrate.depends_on.postgres.condition).toBe('service_healthy');
  });

  it('takes every secret from the environment and stops when one is missing', () => {
    const text = fs.readFileSync(path.join(DOCKER, 'compose.yaml'), 'utf8');
    for (const name of ['GATEWAY_SIGNING_SECRET', 'IDENTITY_ENCRYPTION_KEY', 'POSTGRES_PASSWORD', 'SMTP_URL']) {
      expect(text, name).toMatch(new RegExp(`\\$\\{${name}:\\?`));
    }
    expect(text).not.toMatch(/SEED_DEMO|EXPOSE_DEV_OUTBOX|RECORD_OUTBOX/);
  });
});
