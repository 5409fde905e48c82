/**
 * `npm run bench`: gateway efficiency and SQL statements per request (DESIGN.md "Performance
 * yardsticks"). Everything runs on loopback against a throw-away embedded Postgres with the demo
 * data; every load run is bounded in time. Prints figures; asserts nothing.
 */
import autocannon from 'autocannon';
import { signIdentity, verifyAccessToken, type Identity, type JsonWebKeySet, type ServiceName } from '@poortwachter/kit';
import { System } from '../testing.js';
import { INITIAL_JS_BUDGET_GZIP, LCP_BUDGET_MS, measureShells } from './initial-js.js';

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Measured {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(url: string, headers: Record<string, string>, body: unknown): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const instance: autocannon.Instance = autocannon(
    {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    },
    () => {},
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode !== 200) errors++;
  });
  const result = await new Promise<autocannon.Result>((resolve) => instance.on('done', resolve));
  latencies.sort((a, b) => a - b);
  return { rps: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors: errors + result.errors + result.non2xx };
}

async function graphql(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(`${url}: ${json.errors.map((e) => e.message).join('; ')}`);
  return json.data!;
}

const GATEWAY_QUERY = `query Bench($limit: Int!) {
  persons(page: { limit: $limit }) {
    items { id fullName sickCases { id firstSickDay status activities { id title deadline status } } appointments { id startsAt } }
  }
}`;
const DOSSIER_QUERY = `query Bench($limit: Int!) {
  persons(page: { limit: $limit }) { items { id fullName sickCases { id firstSickDay status } } }
}`;
const ACTIVITIES_QUERY = `query Bench($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on SickCase { activities { id title deadline status } } }
}`;
const AGENDA_QUERY = `query Bench($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Person { appointments { id startsAt } } }
}`;

const fmt = (value: number, digits = 0) => value.toFixed(digits).padStart(8);

async function main(): Promise<void> {
  console.log(`Poortwachter benchmark: ${DURATION_SECONDS} s per run, ${CONNECTIONS} connections, loopback only.`);
  const system = await System.start({ withFrontends: true });
  const { stack } = system;
  try {
    // Let the seed's events reach activities and agenda before measuring.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    // A real sign-in (password and authenticator code); the direct subgraph runs reuse its identity.
    const token = await system.login('werkgever.demo');
    const jwks = (await (await fetch(new URL('/.well-known/jwks.json', stack.urls.gateway))).json()) as JsonWebKeySet;
    const identity: Identity = await verifyAccessToken(token, jwks);
    const gatewayHeaders = { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' };
    const signed = () => signIdentity(identity, stack.env.GATEWAY_SIGNING_SECRET!);

    console.log('\nSQL statements for one request "N persons with their sick cases, activities and appointments":');
    for (const limit of [5, 50]) {
      // Counted per request id by each subgraph: exact, background work excluded.
      const { statements, total } = await system.queryCountingStatements(GATEWAY_QUERY, { limit }, token);
      const perService = (Object.keys(statements) as ServiceName[]).map((name) => `${name} ${statements[name]}`).join(', ');
      console.log(`  ${String(limit).padStart(3)} persons: ${total} statements (${perService})`);
    }

    console.log('\nThroughput (requests/s), latency p50/p95 (ms):');
    console.log('  case              target                       rps      p50      p95   errors');
    for (const limit of [1, 50]) {
      const data = (await graphql(stack.urls.subgraphs.dossier, signed(), DOSSIER_QUERY, { limit })) as {
        persons: { items: { id: string; sickCases: { id: string }[] }[] };
      };
      const persons = data.persons.items.map((person) => ({ __typename: 'Person', id: person.id }));
      const cases = data.persons.items.flatMap((person) => person.sickCases.map((c) => ({ __typename: 'SickCase', id: c.id })));
      const gateway = await load(stack.urls.gateway, gatewayHeaders, { query: GATEWAY_QUERY, variables: { limit } });
      // Direct runs sign once; the identity stays valid for 60 s, longer than one run.
      const dossier = await load(stack.urls.subgraphs.dossier, signed(), { query: DOSSIER_QUERY, variables: { limit } });
      const activities = await load(stack.urls.subgraphs.activities, signed(), { query: ACTIVITIES_QUERY, variables: { representations: cases } });
      const agenda = await load(stack.urls.subgraphs.agenda, signed(), { query: AGENDA_QUERY, variables: { representations: persons } });
      const ideal = 1 / (1 / dossier.rps + 1 / activities.rps + 1 / agenda.rps);
      const label = `${limit} person${limit === 1 ? '' : 's'}`;
      for (const [target, m] of [['gateway', gateway], ['dossier direct', dossier], ['activities direct', activities], ['agenda direct', agenda]] as const) {
        console.log(`  ${label.padEnd(16)}  ${target.padEnd(24)} ${fmt(m.rps)} ${fmt(m.p50, 1)} ${fmt(m.p95, 1)} ${fmt(m.errors)}`);
      }
      console.log(`  ${label.padEnd(16)}  ideal combined (3 fetches) ${fmt(ideal)}`);
      console.log(`  ${label.padEnd(16)}  gateway efficiency = ${(gateway.rps / ideal).toFixed(2)}  (yardstick: @apollo/gateway 0.24–0.47, Hive Gateway 0.43–0.48)`);
    }

    console.log('\nInitial JavaScript per shell (gzip level 6; fresh browser, loopback) and LCP:');
    console.log(`  budget: ${kb(INITIAL_JS_BUDGET_GZIP)} gzip, LCP ${LCP_BUDGET_MS} ms (DESIGN.md)`);
    const weights = await measureShells([
      { name: 'employee shell', url: stack.urls.shells.employee, username: 'werknemer.demo' },
      { name: 'employer shell', url: stack.urls.shells.employer, username: 'werkgever.demo' },
    ]);
    for (const { shell, loginPage, dashboard } of weights) {
      for (const [page, weight] of [['login page', loginPage], ['dashboard', dashboard]] as const) {
        const ratio = weight.gzipBytes / INITIAL_JS_BUDGET_GZIP;
        console.log(
          `  ${shell.padEnd(15)} ${page.padEnd(11)} ${String(weight.scripts).padStart(3)} files ${kb(weight.rawBytes).padStart(9)} raw ${kb(weight.gzipBytes).padStart(9)} gzip = ${ratio.toFixed(2)} × budget   LCP ${weight.lcpMs === null ? 'n/a' : `${Math.round(weight.lcpMs)} ms`}`,
        );
      }
    }
  } finally {
    await system.stop();
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
