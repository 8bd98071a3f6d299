// The search oracle: on the demo's month of work plus routed 公文, for every person (each unit, role and clearance,
// and the administrators) and 30 queries (one to six characters, one and two words), every page of hits and every
// total equals the objects whose text holds the words that the object's own read rule (can() with the resource as
// that person sees it) lets them open: no leak, no miss, and no count of anything hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE, type SearchKind } from '../../../common/search/searchApi.ts';
import { subjectFromUser, type Subject } from '../../auth/subject.ts';
import { queryTerms } from '../../domain/search/searchText.ts';
import { can, taskResource } from '../../policies/index.ts';
import { officialDocResource } from '../../policies/officialDocs.ts';
import { BODY_MAX_CLASSIFICATION, type IndexEntry } from '../../search/searchIndex.ts';
import { allRefs, loadEntries } from '../../search/searchSources.ts';
import { seedDemoContent } from '../../seed/demoContent.ts';
import { documentWithAccess } from '../documents/documentAccess.ts';
import { meetingFacts } from '../meetings/meetingFacts.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../officialDocs/officialDocFacts.ts';
import { oversightOf } from '../supervision/oversight.ts';
import { factsOf, loadTask } from '../supervision/taskFacts.ts';
import { searchHits } from './searchHits.ts';
import { demoIds } from '../../../tests/support/meetings.ts';
import { givenOfficialDoc, givenSubmitted } from '../../../tests/support/officialDocs.ts';
import { createTestApp, signedIn, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp;
let people: Subject[];
let entries: IndexEntry[];
/** "kind:id" → the people (ids) whose read rule lets them open it. */
const readers = new Map<string, Set<string>>();

const key = (kind: SearchKind, id: string) => `${kind}:${id}`;

/** Whether the object's own read rule lets this person open it, asked as its page asks. */
async function mayOpen(subject: Subject, e: IndexEntry): Promise<boolean> {
  const { db } = t.app.svc;
  switch (e.kind) {
    case 'document':
    case 'minutes':
      return ((await documentWithAccess(db, subject, e.objectId))?.access ?? 'none') !== 'none';
    case 'meeting':
    case 'material': {
      const meeting = await meetingFacts(db, subject, e.parentId);
      return meeting !== null && can(subject, e.kind === 'meeting' ? 'meeting.view' : 'meeting.material.read', meeting);
    }
    case 'task':
      return can(
        subject,
        'task.view',
        taskResource(factsOf(await loadTask(db, e.objectId)), await oversightOf(db, subject)),
      );
    case 'officialDoc': {
      const facts = officialDocFacts(await loadOfficialDoc(db, e.objectId));
      const principals = await principalsOf(db, subject.id, t.clock.now());
      return can(subject, 'officialDoc.view', officialDocResource(facts, principals));
    }
  }
}

/** A small deterministic generator, so the queries are the same on every run. */
function generator(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

/** Queries drawn from the indexed text itself: runs of letters and digits one to six characters long. */
function queriesFrom(list: readonly IndexEntry[]): string[] {
  const next = generator(17);
  const fixed = ['通知', '会议', '防汛', '督办', '区', '工作 落实', '〔2026〕', '关于做好', 'zz不存在的词'];
  const out = new Set(fixed);
  while (out.size < 30) {
    const e = list[next(list.length)]!;
    const text = next(2) === 0 || e.classification > BODY_MAX_CLASSIFICATION ? e.title : e.body;
    const runs = text.match(/[\p{L}\p{N}]{2,}/gu) ?? [];
    if (runs.length === 0) continue;
    const run = [...runs[next(runs.length)]!];
    const length = 1 + next(Math.min(6, run.length));
    const start = next(run.length - length + 1);
    out.add(run.slice(start, start + length).join(''));
  }
  return [...out];
}

/** The oracle's text rule: every word occurs in the title or in the indexed body (ASCII case ignored). */
function matches(e: IndexEntry, q: string): boolean {
  const body = e.classification <= BODY_MAX_CLASSIFICATION ? e.body : '';
  const title = e.title.toLowerCase();
  const text = body.toLowerCase();
  return queryTerms(q).every((w) => title.includes(w.toLowerCase()) || text.includes(w.toLowerCase()));
}

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-09T00:40:00Z'), config: { searchTickSeconds: 0 } });
  await seedDemoContent(t.app.svc);
  // 公文 in a route: the drafter's unit and office, the route's handlers, nobody else.
  const { users } = await demoIds(t);
  const sunyue = await signedIn(t, 'sunyue');
  const routed = await givenOfficialDoc(sunyue, { title: '关于做好汛期安全生产工作的通知' });
  await givenSubmitted(sunyue, routed, {
    steps: [{ id: 'review', name: '审核', kind: 'single', handlers: [{ userId: users.lihua }] }],
  });
  const zhaojing = await signedIn(t, 'zhaojing');
  await givenOfficialDoc(zhaojing, { title: '关于开展营商环境专项督查的通知', classification: 'secret' });
  await t.app.jobs.searchIndexer.tick();

  const { db } = t.app.svc;
  people = (await db.user.findMany({ include: { roles: true }, orderBy: { username: 'asc' } })).map(subjectFromUser);
  // A meeting's batch brings its minutes again: one entry per object, as the index keeps them.
  const byKey = new Map<string, IndexEntry>();
  for await (const refs of allRefs(db))
    for (const e of (await loadEntries(t.app.svc, refs)).entries) byKey.set(key(e.kind, e.objectId), e);
  entries = [...byKey.values()];
  for (const e of entries) {
    const who = new Set<string>();
    for (const p of people) if (await mayOpen(p, e)) who.add(p.id);
    readers.set(key(e.kind, e.objectId), who);
  }
}, 600_000);
afterAll(async () => {
  await t.close();
});

describe('search applies the read rules in the query', () => {
  it('indexes a varied world: every kind, several classifications, objects some people may not open', () => {
    const kinds = new Set(entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['document', 'material', 'meeting', 'minutes', 'officialDoc', 'task']);
    expect(new Set(entries.map((e) => e.classification)).size).toBeGreaterThanOrEqual(3);
    expect(t.app.svc.search.count()).toBe(entries.length);
    const partial = [...readers.values()].filter((r) => r.size > 0 && r.size < people.length - 3);
    expect(partial.length).toBeGreaterThan(entries.length / 2);
  });

  it('for 30 queries and every person, each page and each total equal what their read rules let them open', async () => {
    const queries = queriesFrom(entries);
    expect(queries.filter((q) => [...q].length < 3).length).toBeGreaterThanOrEqual(4);
    let compared = 0;
    for (const q of queries) {
      for (const person of people) {
        const expected = entries
          .filter((e) => matches(e, q) && readers.get(key(e.kind, e.objectId))!.has(person.id))
          .map((e) => key(e.kind, e.objectId))
          .sort();
        const found: string[] = [];
        for (let page = 1; page <= SEARCH_MAX_PAGE; page++) {
          const res = await searchHits(t.app.svc, person, { q, page }, t.clock.now());
          expect(res.total, `${person.username} "${q}" total on page ${page}`).toBe(expected.length);
          found.push(...res.hits.map((h) => key(h.kind, h.id)));
          if (res.hits.length < SEARCH_PAGE_SIZE) break;
        }
        expect(found.length, `${person.username} "${q}" no hit twice`).toBe(new Set(found).size);
        expect(found.sort(), `${person.username} "${q}"`).toEqual(
          expected.slice(0, SEARCH_MAX_PAGE * SEARCH_PAGE_SIZE),
        );
        compared++;
      }
    }
    expect(compared).toBe(30 * people.length);
  }, 600_000);

  it('with a date range (China days), each page and total equal the readable matches dated in it', async () => {
    const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
    const days = entries.map((e) => chinaDay(e.date)).sort();
    const middle = days[Math.floor(days.length / 2)]!;
    const ranges = [
      { from: middle, to: middle },
      { from: `${middle.slice(0, 8)}01`, to: middle },
      { from: middle },
      { to: days[Math.floor(days.length / 4)]! },
    ];
    let compared = 0;
    // The ranges keep some of the readable matches and leave out others.
    let kept = 0;
    let left = 0;
    for (const q of ['通知', '会议', '督办', '区', '工作 落实']) {
      for (const range of ranges) {
        const inRange = (e: IndexEntry) =>
          (range.from === undefined || e.date >= dayStart(range.from)) &&
          (range.to === undefined || chinaDay(e.date) <= range.to);
        for (const person of people) {
          const expected = entries
            .filter((e) => matches(e, q) && inRange(e) && readers.get(key(e.kind, e.objectId))!.has(person.id))
            .map((e) => key(e.kind, e.objectId))
            .sort();
          kept += expected.length;
          left += entries.filter(
            (e) => matches(e, q) && !inRange(e) && readers.get(key(e.kind, e.objectId))!.has(person.id),
          ).length;
          const found: string[] = [];
          for (let page = 1; page <= SEARCH_MAX_PAGE; page++) {
            const res = await searchHits(t.app.svc, person, { q, page, ...range }, t.clock.now());
            expect(res.total, `${person.username} "${q}" ${JSON.stringify(range)} total`).toBe(expected.length);
            found.push(...res.hits.map((h) => key(h.kind, h.id)));
            if (res.hits.length < SEARCH_PAGE_SIZE) break;
          }
          expect(found.sort(), `${person.username} "${q}" ${JSON.stringify(range)}`).toEqual(expected);
          compared++;
        }
      }
    }
    expect(compared).toBe(5 * ranges.length * people.length);
    expect(kept).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(100);
  }, 600_000);

  it('filters narrow within what one may open, and the administrators find nothing', async () => {
    const clerk = people.find((p) => p.username === 'sunyue')!;
    const all = await searchHits(t.app.svc, clerk, { q: '通知', page: 1 }, t.clock.now());
    const notices = await searchHits(t.app.svc, clerk, { q: '通知', kind: 'officialDoc', page: 1 }, t.clock.now());
    expect(notices.total).toBeGreaterThan(0);
    expect(notices.total).toBeLessThanOrEqual(all.total);
    expect(notices.hits.every((h) => h.kind === 'officialDoc')).toBe(true);
    const secret = await searchHits(t.app.svc, clerk, { q: '营商环境专项督查', page: 1 }, t.clock.now());
    expect(secret.total).toBe(0);
    for (const admin of people.filter((p) => p.adminRole !== null))
      expect((await searchHits(t.app.svc, admin, { q: '通知', page: 1 }, t.clock.now())).total).toBe(0);
  });
});
