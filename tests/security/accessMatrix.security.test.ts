// The access matrix, generated from the app's OpenAPI routes × the probe's people (units A and B, every role and
// clearance, the three administrators) × the world's objects, each answer judged against the oracle (oracle.ts):
// - reading an object one may not read answers exactly as reading a missing one (never 2xx), and its own route (GET
//   /api/<objects>/{id}) answers 200 to those who may;
// - administrators are answered 403 by every business route (三员分立);
// - no answer, to anyone, carries the title or text of an object its reader may not read, nor (in lists) its id;
// - a total or an unread count never counts what the list hides;
// - a change asked of an object one may not read is refused as if it were missing and changes nothing;
// - every notification delivered is about objects its recipient may read, and a mention of someone who may not read
//   the document is refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mayRead, PEOPLE, person } from './oracle.ts';
import { codeOf, describe as said, exposures, isSuccess, send, type Sent } from './probe.ts';
import { BUSINESS_AREAS, listRoutes, urlOf, type Param, type Route } from './routes.ts';
import { sampleFor } from './schemaArbitrary.ts';
import { StateProbe } from './stateSnapshot.ts';
import { Tally } from './tally.ts';
import { buildWorld, type World, type WorldObject } from './world.ts';

let w: World;
let routes: Route[];
let state: StateProbe;

beforeAll(async () => {
  w = await buildWorld({ config: { supervisionTickSeconds: 0 } });
  routes = listRoutes(w.t.app);
  state = new StateProbe(w.t.dataDir);
});
afterAll(async () => {
  state?.close();
  await w?.t.close();
});

const MISSING_ID = '00000000-0000-4000-8000-00000000dead';
const MISSING_CODE = 'probeMissingCode0000';
const isAdmin = (username: string) => person(username).admin !== undefined;
const businessRoute = (r: Route) => BUSINESS_AREAS.includes(r.area);

/** The objects a route's first path parameter may name. */
function objectsFor(route: Route): WorldObject[] {
  const kind = route.primary?.kind;
  return w.objects.filter((o) => o.kind === kind);
}

/** Path values naming `object` (its real sub-objects where it has them), or everything missing. */
function pathValues(route: Route, object: WorldObject | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of route.params.filter((x) => x.in === 'path')) {
    if (p.name === route.primary?.name)
      values[p.name] = object ? object.id : route.primary.kind === 'joinCode' ? MISSING_CODE : MISSING_ID;
    else values[p.name] = object?.subIds[p.name] ?? MISSING_ID;
  }
  return values;
}

/** Required query parameters filled with a value their schema accepts. */
function requiredQuery(route: Route): Record<string, string> {
  const query: Record<string, string> = {};
  for (const p of route.params.filter((x) => x.in === 'query' && x.required))
    query[p.name] = String(sampleFor(p.schema, { ids: [] }));
  return query;
}

const readable = (username: string, route: Route, object: WorldObject) =>
  mayRead(person(username), object.facts, route.facet);

/**
 * Judges any answer: no server error, no title or text of an object the reader may not read (but the object the route
 * names, as far as the route's facet lets them read it: a join link shows its meeting's title to the lobby), and in
 * lists no id of one either (except in the audit log, which records ids by design and never titles).
 */
function judgeAnswer(t: Tally, username: string, sent: Sent, inList: boolean, named?: WorldObject): void {
  const allowed = named && mayRead(person(username), named.facts, named.kind === 'joinCode' ? 'join' : 'view');
  const found = exposures(w, username, sent.res.body, allowed ? named.key.split(':')[0] : undefined);
  if (sent.url.startsWith('/api/audit')) found.ids = [];
  t.check(sent.res.statusCode >= 500 ? { leak: false, what: `${said(username, sent)}: server error` } : null);
  t.check(
    found.texts.length > 0 ? { leak: true, what: `${said(username, sent)} carries ${found.texts.join(', ')}` } : null,
  );
  if (inList)
    t.check(
      found.ids.length > 0
        ? { leak: true, what: `${said(username, sent)} lists the ids of ${found.ids.join(', ')}` }
        : null,
    );
}

function judgeAdmin(t: Tally, username: string, route: Route, sent: Sent): void {
  if (!isAdmin(username) || !businessRoute(route)) return;
  t.check(
    sent.res.statusCode === 403
      ? null
      : {
          leak: isSuccess(sent.res),
          what: `${said(username, sent)}: administrators are refused business routes (403)`,
        },
  );
}

/**
 * A refused request about an object: answered exactly as about a missing one when the person may not see the object at
 * all; when they see it (a unit colleague's meeting) but not what the route asks of it (its materials, its minutes),
 * refused 403 (or as missing).
 */
function judgeRefusal(t: Tally, username: string, route: Route, object: WorldObject, sent: Sent, gone: Sent): void {
  const seesObject = mayRead(person(username), object.facts, route.primary?.kind === 'joinCode' ? 'join' : 'view');
  const same = sent.res.statusCode === gone.res.statusCode && codeOf(sent.res) === codeOf(gone.res);
  const ok = same || (seesObject && sent.res.statusCode === 403);
  t.check(
    ok
      ? null
      : {
          leak: isSuccess(sent.res),
          what: `${said(username, sent)} for ${object.key}, but ${gone.res.statusCode} ${codeOf(gone.res)} when missing`,
        },
  );
}

it('reading an object: its readers are answered, anyone else exactly as if it were missing', async (context) => {
  const t = new Tally();
  for (const route of routes.filter((r) => r.primary?.kind === 'unknown'))
    t.check({
      leak: false,
      what: `${route.method} ${route.path}: teach PRIMARY in tests/security/routes.ts what {${route.primary!.name}} names`,
    });
  const gets = routes.filter((r) => r.method === 'GET' && r.primary);
  expect(gets.length).toBeGreaterThan(20);
  for (const route of gets) {
    const query = requiredQuery(route);
    const missing: Record<string, Sent> = {};
    await Promise.all(
      PEOPLE.map(async (p) => {
        missing[p.username] = await send(
          w.t.app,
          w.as[p.username]!,
          'GET',
          urlOf(route, pathValues(route, null), query),
        );
        judgeAnswer(t, p.username, missing[p.username]!, false);
        judgeAdmin(t, p.username, route, missing[p.username]!);
      }),
    );
    for (const object of objectsFor(route)) {
      const url = urlOf(route, pathValues(route, object), query);
      // Refused readers first, with the state watched: a refused read records nothing (a visit, a view).
      const refused = PEOPLE.filter((p) => !readable(p.username, route, object));
      const before = state.snapshot();
      await Promise.all(
        refused.map(async (p) => {
          const sent = await send(w.t.app, w.as[p.username]!, 'GET', url);
          judgeAnswer(t, p.username, sent, true, object);
          judgeAdmin(t, p.username, route, sent);
          judgeRefusal(t, p.username, route, object, sent, missing[p.username]!);
        }),
      );
      const changed = state.changesSince(before);
      t.check(
        changed.length > 0 ? { leak: true, what: `refused GET ${route.path} on ${object.key}: ${changed}` } : null,
      );

      const own = route.params.filter((x) => x.in === 'path').length === 1 && route.path.endsWith('{id}');
      await Promise.all(
        PEOPLE.filter((x) => readable(x.username, route, object)).map(async (p) => {
          const sent = await send(w.t.app, w.as[p.username]!, 'GET', url);
          judgeAnswer(t, p.username, sent, false, object);
          if (own)
            t.check(
              sent.res.statusCode === 200
                ? null
                : { leak: false, what: `${said(p.username, sent)}: ${object.key} is theirs to read` },
            );
        }),
      );
    }
  }
  expect(t.report(context)).toEqual([]);
});

/** Query variants of a list route: its defaults (the biggest page), then each value of each of its enumerations. */
function listVariants(route: Route): Array<Record<string, string>> {
  const base = requiredQuery(route);
  const pageSize = (p: Param) => ['pageSize', 'limit'].includes(p.name) && p.schema.maximum !== undefined;
  for (const p of route.params.filter((x) => x.in === 'query' && pageSize(x))) base[p.name] = String(p.schema.maximum);
  const view = route.params.find((p) => p.name === 'view' && p.schema.enum?.includes('month'));
  if (view) base.view = 'month';
  const variants = [base];
  for (const p of route.params.filter((x) => x.in === 'query' && x.schema.enum && x.name !== 'view'))
    for (const value of p.schema.enum!) variants.push({ ...base, [p.name]: String(value) });
  return variants;
}

/** A list's total and unread count never exceed the rows it shows (when they all fit on the page). */
function countsHold(body: unknown): string | null {
  if (body === null || typeof body !== 'object') return null;
  const b = body as { total?: unknown; items?: unknown; unread?: unknown; unreadCount?: unknown };
  if (!Array.isArray(b.items)) return null;
  const items = b.items as Array<{ readAt?: unknown }>;
  if (typeof b.total === 'number' && b.total > items.length && items.length < 100)
    return `total ${b.total} but ${items.length} rows`;
  const unread = typeof b.unreadCount === 'number' ? b.unreadCount : typeof b.unread === 'number' ? b.unread : null;
  if (unread !== null && unread > items.filter((i) => i.readAt === null || i.readAt === undefined).length)
    return `unread ${unread} but ${items.filter((i) => !i.readAt).length} unread rows`;
  return null;
}

it('lists show nobody an object they may not read, and count no more than they show', async (context) => {
  const t = new Tally();
  const lists = routes.filter((r) => r.method === 'GET' && !r.primary && r.path.startsWith('/api/'));
  expect(lists.length).toBeGreaterThan(10);
  for (const route of lists) {
    for (const query of listVariants(route)) {
      await Promise.all(
        PEOPLE.map(async (p) => {
          const sent = await send(w.t.app, w.as[p.username]!, 'GET', urlOf(route, {}, query));
          judgeAnswer(t, p.username, sent, true);
          judgeAdmin(t, p.username, route, sent);
          if (sent.res.statusCode === 200 && sent.res.headers['content-type']?.includes('json')) {
            const problem = countsHold(sent.res.json());
            t.check(problem ? { leak: true, what: `${said(p.username, sent)}: ${problem}` } : null);
          }
        }),
      );
    }
  }
  expect(t.report(context)).toEqual([]);
});

it('a change asked of an object one may not read is refused as if it were missing, and changes nothing', async (context) => {
  const t = new Tally();
  const changes = routes.filter((r) => r.method !== 'GET' && r.primary);
  expect(changes.length).toBeGreaterThan(30);
  const ids = [...w.objects.map((o) => o.id), ...Object.values(w.userIds), ...Object.values(w.unitIds)];
  for (const route of changes) {
    const body = route.multipart ? 'upload' : route.body ? { json: sampleFor(route.body, { ids }) } : undefined;
    const query = requiredQuery(route);
    for (const object of objectsFor(route)) {
      const refused = PEOPLE.filter((p) => !readable(p.username, route, object));
      if (refused.length === 0) continue;
      const before = state.snapshot();
      for (const p of refused) {
        const gone = await send(
          w.t.app,
          w.as[p.username]!,
          route.method,
          urlOf(route, pathValues(route, null), query),
          body,
        );
        const sent = await send(
          w.t.app,
          w.as[p.username]!,
          route.method,
          urlOf(route, pathValues(route, object), query),
          body,
        );
        judgeAnswer(t, p.username, sent, true, object);
        judgeAdmin(t, p.username, route, sent);
        judgeRefusal(t, p.username, route, object, sent, gone);
      }
      const changed = state.changesSince(before);
      t.check(
        changed.length > 0
          ? {
              leak: true,
              what: `${route.method} ${route.path} on ${object.key} by people who may not read it: ${changed}`,
            }
          : null,
      );
    }
  }
  expect(t.report(context)).toEqual([]);
});

it('every notification delivered is about objects its recipient may read; mentions of non-readers are refused', async (context) => {
  const t = new Tally();
  // Mention, on each document, each person who may not read it.
  for (const doc of w.objects.filter((o) => o.kind === 'document' && o.facts.kind === 'document')) {
    const owner = (o: WorldObject) => (o.facts.kind === 'document' ? o.facts.doc.owner : '');
    const author = w.as[owner(doc)]!;
    for (const p of PEOPLE.filter((x) => !mayRead(x, doc.facts))) {
      const before = state.snapshot();
      const sent = await send(w.t.app, author, 'POST', `/api/documents/${doc.id}/threads`, {
        json: { body: `【探针提及:${doc.key}】`, mentions: [w.userIds[p.username]] },
      });
      t.check(
        sent.res.statusCode >= 400 && sent.res.statusCode < 500 && state.changesSince(before).length === 0
          ? null
          : { leak: false, what: `${said(owner(doc), sent)}: mentioning ${p.username}, who may not read ${doc.key}` },
      );
    }
  }
  const byId = new Map(Object.entries(w.userIds).map(([username, id]) => [id, username]));
  const notices = await w.t.app.svc.db.notification.findMany();
  expect(notices.length).toBeGreaterThan(5);
  for (const n of notices) {
    const username = byId.get(n.userId);
    if (!username) continue;
    const text = [n.title, n.body, n.link ?? '', n.params ?? ''].join('\n');
    const found = exposures(w, username, text);
    const about = [...found.texts, ...found.ids];
    t.check(about.length > 0 ? { leak: true, what: `${n.kind} to ${username} is about ${about.join(', ')}` } : null);
    if (isAdmin(username))
      t.check(
        w.objects.some((o) => text.includes(o.id))
          ? { leak: true, what: `${n.kind} to the administrator ${username} is about business content` }
          : null,
      );
  }
  expect(t.report(context)).toEqual([]);
});
