// Fuzzing every route's JSON body from its own schema (the OpenAPI document): values the schema accepts, some naming
// real objects, and malformed ones (wrong types, huge strings, lone surrogates, deep nesting, extra and prototype
// properties, not an object, not JSON). Each route is sent as someone who may use it, on an object they may act on.
// No answer is a 5xx, and a 4xx changes nothing. The cases are the same on every run (a seed per route);
// TONGBAN_FUZZ_SEED changes them, TONGBAN_FUZZ_RUNS runs more.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestClient } from '../support/testApp.ts';
import { mayRead, PEOPLE } from './oracle.ts';
import { codeOf, send } from './probe.ts';
import { listRoutes, urlOf, type Route } from './routes.ts';
import { arbitraryFor, malformedFor, sampleFor, type Payload } from './schemaArbitrary.ts';
import { StateProbe } from './stateSnapshot.ts';
import { Tally } from './tally.ts';
import { buildWorld, type World } from './world.ts';

let w: World;
let state: StateProbe;

beforeAll(async () => {
  w = await buildWorld({ config: { supervisionTickSeconds: 0 } });
  state = new StateProbe(w.t.dataDir);
});
afterAll(async () => {
  state?.close();
  await w?.t.close();
});

const RUNS = Number(process.env.TONGBAN_FUZZ_RUNS ?? 15);
const SEED = Number(process.env.TONGBAN_FUZZ_SEED ?? 14);

/**
 * Who sends a route's fuzz: signed out for signing in and the first start; otherwise the first of the people who may
 * read the route's object (or, without one, of everyone) whose valid sample body is not refused 401/403: so each route
 * is fuzzed as someone it lets through to its own checks.
 */
async function senderOf(route: Route, url: string, sample: Payload): Promise<TestClient | null> {
  if (route.area === 'auth' || route.area === 'setup') return null;
  const named = objectOf(route);
  const candidates = PEOPLE.filter((p) => !named || mayRead(p, named.facts, route.facet));
  for (const p of candidates) {
    const sent = await send(w.t.app, w.as[p.username]!, route.method, url, sample);
    if (![401, 403].includes(sent.res.statusCode)) return w.as[p.username]!;
  }
  return w.as[candidates[0]?.username ?? 'zhaojing']!;
}

const PICK: Record<string, string> = {
  document: 'docA1',
  meeting: 'mtgA1',
  joinCode: 'mtgA1:code',
  task: 'taskA1',
  attachment: 'attA1sub',
};
const objectOf = (route: Route) => w.objects.find((o) => o.key === PICK[route.primary?.kind ?? '']);

/** The object the route acts on (one of each kind, with its sub-objects), else a missing id. */
function pathFor(route: Route): Record<string, string> {
  const object = objectOf(route);
  const values: Record<string, string> = {};
  for (const p of route.params.filter((x) => x.in === 'path')) {
    if (p.name === route.primary?.name) {
      if (object) values[p.name] = object.id;
      else if (route.path.startsWith('/api/users/')) values[p.name] = w.userIds.qianyi!;
      else if (route.path.startsWith('/api/units/')) values[p.name] = w.unitIds.ndrc!;
      else values[p.name] = '00000000-0000-4000-8000-00000000dead';
    } else values[p.name] = object?.subIds[p.name] ?? '00000000-0000-4000-8000-00000000dead';
  }
  return values;
}

const seedOf = (route: Route) =>
  SEED ^ createHash('sha256').update(`${route.method} ${route.path}`).digest().readUInt32BE(0);

const shown = (payload: Payload) => ('raw' in payload ? payload.raw : JSON.stringify(payload.json)).slice(0, 160);

it('every route with a body: no 5xx for anything sent, and a refused body changes nothing', async (context) => {
  const t = new Tally();
  // Routes that end or close what they act on go last, so the others still find it open.
  const final = (r: Route) => /\/(cancel|end|close|finalise|workflow|drop|restore)$/.test(r.path);
  const routes = listRoutes(w.t.app)
    .filter((r) => r.body)
    .sort((a, b) => Number(final(a)) - Number(final(b)));
  expect(routes.length).toBeGreaterThan(40);
  const ids = [...w.objects.map((o) => o.id), ...Object.values(w.userIds), ...Object.values(w.unitIds)];
  for (const route of routes) {
    const valid = arbitraryFor(route.body!, { ids });
    const cases = fc.sample(
      fc.oneof(
        { arbitrary: valid.map((json): Payload => ({ json })), weight: 3 },
        { arbitrary: malformedFor(valid), weight: 2 },
      ),
      { seed: seedOf(route), numRuns: RUNS },
    );
    const query: Record<string, string> = {};
    for (const p of route.params.filter((x) => x.in === 'query' && x.required))
      query[p.name] = String(sampleFor(p.schema, { ids }));
    const url = urlOf(route, pathFor(route), query);
    const sender = await senderOf(route, url, { json: sampleFor(route.body!, { ids }) });
    // Failed sign-ins and second-factor codes count towards the lockout; wrong passcodes are audited as failures.
    const counting = route.path === '/api/auth/sign-in' || route.path === '/api/auth/mfa';
    const options = { refusalsAudited: true, countersMayChange: counting };
    for (const payload of cases) {
      const before = state.snapshot();
      const sent = await send(w.t.app, sender, route.method, url, payload);
      const status = sent.res.statusCode;
      const what = `${route.method} ${route.path} → ${status} ${codeOf(sent.res) ?? ''} for ${shown(payload)}`;
      t.check(status >= 500 ? { leak: false, what } : null);
      if (status >= 400) {
        const changed = state.changesSince(before, options);
        t.check(changed.length > 0 ? { leak: true, what: `${what}: ${changed.join('; ')}` } : null);
      }
    }
  }
  expect(t.report(context)).toEqual([]);
});
