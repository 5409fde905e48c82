import { SERVICE_NAMES } from '@poortwachter/kit';
import { readSupergraph } from '@poortwachter/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayHealth, type RunningGateway } from '../src/index.js';
import { EMPLOYER, post, startFakeSystem, tokenFor, type FakeSystem } from './fake-subgraphs.js';

/**
 * The gateway over the checked-in supergraph with every data subgraph unreachable: enough to prove
 * the supergraph loads, the limits let the platform's real queries through (they fail only at the
 * fetch), and an outage is reported per field rather than as a crash. A fake identity stands in
 * for the real one only to publish the keys the test's access tokens are signed with.
 */
let gateway: RunningGateway;
let fakes: FakeSystem;

const UNREACHABLE = Object.fromEntries(SERVICE_NAMES.map((name) => [name, 'http://127.0.0.1:9/graphql']));

beforeAll(async () => {
  fakes = await startFakeSystem();
  gateway = await startGateway({ port: 0, subgraphUrls: { ...UNREACHABLE, identity: fakes.identity.url }, production: false });
});

afterAll(async () => {
  await gateway?.close();
  await fakes?.close();
});

/** Queries in the shape the shells and partners send: several subgraphs, nested, fragments. */
const REAL_QUERIES: Record<string, string> = {
  personAcrossSubgraphs: `query Person($id: ID!) {
    person(id: $id) {
      id fullName
      currentEmployment { employer { id name } division { id name } department { name } jobTitle partTimeFactor }
      sickCases { id firstSickDay status waitingPeriodEndsOn week42ReportDue wiaApplicationDue
        absenceCourse { from absencePercentage }
        activities { id title role kind signalDate deadline status } }
      appointments { id startsAt endsAt professionalName kind status }
      user { id username role }
    }
  }`,
  employerDashboard: `query Dashboard {
    openAbsenceByDurationClass { durationClass label count share }
    actionList(daysAhead: 28) { ...ActionRow }
    sickCases(filter: { status: OPEN }, page: { limit: 50 }) {
      total
      items { id firstSickDay absencePercentage person { ...PersonName currentEmployment { department { name division { name employer { name } } } } } }
    }
  }
  fragment PersonName on Person { id fullName }
  fragment ActionRow on Activity { id title role kind signalDate deadline status person { ...PersonName } sickCase { id firstSickDay } }`,
  persons: `query Persons($search: String) {
    persons(filter: { search: $search, activeOnly: true }, page: { offset: 0, limit: 50 }) {
      total
      items { id fullName email phone currentEmployment { employer { id name } department { id name } } sickCases { id status } }
    }
  }`,
};

describe('the checked-in supergraph', () => {
  it('routes to every subgraph of the platform', () => {
    expect(Object.keys(gateway.subgraphUrls).sort()).toEqual([...SERVICE_NAMES].sort());
    expect(readSupergraph()).toMatch(/@join__graph\(name: "dossier"/);
  });

  for (const [name, query] of Object.entries(REAL_QUERIES)) {
    it(`lets the real query "${name}" through the limits to the subgraph fetch`, async () => {
      const response = await post(gateway.url, query, {
        token: await tokenFor(EMPLOYER),
        variables: { id: 'p1', search: 'de' },
      });
      expect(response.status).toBe(200);
      const codes = new Set(response.body.errors?.map((error) => error.extensions?.code));
      expect([...codes]).toEqual(['SUBGRAPH_UNAVAILABLE']);
    });
  }

  it('reports /health 503 with the data subgraphs down', async () => {
    const response = await fetch(`${gateway.origin}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as GatewayHealth;
    const { identity, ...data } = body.subgraphs;
    expect(identity?.status).toBe('ok');
    expect(Object.values(data).every((state) => state.status === 'down')).toBe(true);
  });
});
