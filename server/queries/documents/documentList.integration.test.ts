// The document list against an oracle: for people of different units, roles and clearances (and an administrator),
// every scope's pages together hold exactly the documents the policy lets them open, one by one, and the total equals
// what the pages return — meeting annotation layers, meetings' minutes, deleted and over-classified documents included
// in the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../audit/auditLog.ts';
import { subjectFromUser, type Subject } from '../../auth/subject.ts';
import { createDocument } from '../../commands/documents/documentCreator.ts';
import { setDocumentShares } from '../../commands/documents/documentSharer.ts';
import { ANNOTATION_CONTEXTS, MINUTES_CONTEXT } from '../../domain/documents/annotationContexts.ts';
import { documentWithAccess } from './documentAccess.ts';
import { listDocuments, type DocumentListScope } from './documentList.ts';
import { createTestApp, signedIn, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp;
const subjects = new Map<string, Subject>();
const SCOPES: DocumentListScope[] = ['all', 'mine', 'unit', 'shared', 'recent'];
const PEOPLE = [
  'zhangwei',
  'lihua',
  'hejun',
  'yangfan',
  'zhaojing',
  'sunyue',
  'matao',
  'guomin',
  'xuyan',
  'chenming',
  'zhouqiang',
  'sysadmin',
];

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const ctxFor = (s: Subject): RequestContext => ({
  actor: { id: s.id, name: s.username },
  ip: '127.0.0.1',
  userAgent: 'test',
  at: t.clock.now(),
  auditKey: t.app.svc.keys.audit,
});

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-11-18T09:00:00+08:00'), config: { authRateLimit: 1000 } });
  const { db } = t.app.svc;
  for (const u of await db.user.findMany({ include: { roles: true } })) subjects.set(u.username, subjectFromUser(u));
  const business = PEOPLE.filter((p) => p !== 'sysadmin').map((p) => subjects.get(p)!);
  const units = [...new Set(business.map((s) => s.unitId))];
  const random = prng(20261118);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const annotationTypes = Object.values(ANNOTATION_CONTEXTS);

  // Meetings whose minutes follow the minutes read rule: organisers, host, minute-taker and seats picked at random,
  // some still drafts (seats do not count yet), of every classification.
  const meetingIds: string[] = [];
  for (let i = 0; i < 12; i++) {
    const creator = pick(business);
    const seated = business.filter(() => random() < 0.25);
    const { id } = await db.meeting.create({
      data: {
        title: `会议${i}`,
        type: 'zhuanti',
        mode: 'online',
        organiserUnitId: random() < 0.7 ? creator.unitId : pick(units),
        createdById: creator.id,
        hostId: random() < 0.7 ? pick(business).id : null,
        minuteTakerId: random() < 0.7 ? pick(business).id : null,
        startAt: t.clock.now(),
        endAt: new Date(t.clock.now().getTime() + 3600_000),
        classification: Math.floor(random() * 3),
        status: pick(['draft', 'scheduled', 'ended']),
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
        participants: { create: seated.map((p) => ({ userId: p.id, createdAt: t.clock.now() })) },
      },
    });
    meetingIds.push(id);
  }

  for (let i = 0; i < 90; i++) {
    const owner = pick(business);
    const classification = Math.floor(random() * (owner.clearance + 1));
    const annotation = random() < 0.2;
    const minutes = !annotation && random() < 0.25;
    const { id } = await createDocument(t.app.svc, ctxFor(owner), owner, {
      kind: annotation ? 'material' : minutes ? 'minutes' : pick(['draft', 'draft', 'minutes']),
      title: `文件${i}`,
      classification,
      ...(annotation ? { contextType: pick(annotationTypes), contextId: `ctx-${i}` } : {}),
      ...(minutes ? { contextType: MINUTES_CONTEXT, contextId: pick(meetingIds) } : {}),
    });
    if (random() < 0.4) {
      const grantees = new Map<
        string,
        { granteeType: 'user' | 'unit'; granteeId: string; access: 'view' | 'comment' | 'suggest' | 'edit' }
      >();
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const toUnit = random() < 0.4;
        // People may only be given documents they are cleared for (units may: only their cleared members see it).
        const cleared = business.filter((b) => b.clearance >= classification);
        const granteeId = toUnit ? pick(units) : pick(cleared).id;
        grantees.set(granteeId, {
          granteeType: toUnit ? 'unit' : 'user',
          granteeId,
          access: pick(['view', 'comment', 'suggest', 'edit'] as const),
        });
      }
      await setDocumentShares(t.app.svc, ctxFor(owner), id, [...grantees.values()]);
    }
    if (random() < 0.25)
      await db.document.update({ where: { id }, data: { status: pick(['review', 'finalised', 'archived']) } });
    if (random() < 0.1) await db.document.update({ where: { id }, data: { deletedAt: t.clock.now() } });
    for (const visitor of business) {
      if (random() < 0.15)
        await db.documentVisit.create({
          data: {
            documentId: id,
            userId: visitor.id,
            firstAt: t.clock.now(),
            lastAt: new Date(t.clock.now().getTime() + i * 1000),
          },
        });
    }
    t.clock.advance(60_000);
  }
});

afterAll(async () => {
  await t.close();
});

/** The oracle: each document through the policy (as a page opening it asks), then the scope's own meaning. */
async function expected(subject: Subject, scope: DocumentListScope): Promise<string[]> {
  const { db } = t.app.svc;
  const docs = await db.document.findMany({ include: { shares: true, visits: { where: { userId: subject.id } } } });
  const readable = await readableBy(subject);
  const ids: string[] = [];
  for (const d of docs) {
    if (!readable.has(d.id)) continue;
    const sharedWithMe = d.shares.some(
      (s) =>
        (s.granteeType === 'user' && s.granteeId === subject.id) ||
        (s.granteeType === 'unit' && s.granteeId === subject.unitId),
    );
    const inScope = {
      all: true,
      mine: d.ownerId === subject.id,
      unit: d.unitId === subject.unitId,
      shared: sharedWithMe,
      recent: d.visits.length > 0,
    }[scope];
    if (inScope) ids.push(d.id);
  }
  return ids.sort();
}

const readableCache = new Map<string, Set<string>>();
async function readableBy(subject: Subject): Promise<Set<string>> {
  const cached = readableCache.get(subject.id);
  if (cached) return cached;
  const { db } = t.app.svc;
  const readable = new Set<string>();
  for (const { id } of await db.document.findMany({ select: { id: true } })) {
    const seen = await documentWithAccess(db, subject, id);
    if (seen && seen.access !== 'none') readable.add(id);
  }
  readableCache.set(subject.id, readable);
  return readable;
}

describe('the document list', () => {
  it(
    'returns, page by page, exactly what the policy lets each person open, with a total that equals it',
    { timeout: 120_000 },
    async () => {
      let checked = 0;
      for (const username of PEOPLE) {
        const subject = subjects.get(username)!;
        for (const scope of SCOPES) {
          const want = await expected(subject, scope);
          const got: string[] = [];
          for (let page = 1; page <= 20; page++) {
            const res = await listDocuments(t.app.svc.db, subject, { scope, page, pageSize: 7 });
            expect(res.total, `${username} ${scope} total`).toBe(want.length);
            got.push(...res.items.map((x) => x.doc.id));
            if (res.items.length < 7) break;
          }
          expect(got.sort(), `${username} ${scope}`).toEqual(want);
          checked += want.length;
        }
      }
      // The data must exercise the rule: people see something, and hidden documents exist.
      expect(checked).toBeGreaterThan(100);
      expect(await t.app.svc.db.document.count()).toBeGreaterThan(
        (await expected(subjects.get('chenming')!, 'all')).length,
      );
    },
  );

  it('does not count a private annotation layer: one draft and one layer give total 1 with one item (API)', async () => {
    const staff = subjects.get('matao')!;
    const before = (await listDocuments(t.app.svc.db, staff, { scope: 'mine', page: 1, pageSize: 100 })).total;
    await createDocument(t.app.svc, ctxFor(staff), staff, { kind: 'draft', title: '我的草稿', classification: 0 });
    await createDocument(t.app.svc, ctxFor(staff), staff, {
      kind: 'material',
      title: '我的批注',
      classification: 0,
      contextType: ANNOTATION_CONTEXTS.privateMaterial,
      contextId: 'material-x',
    });
    const client = await signedIn(t, 'matao');
    const body = (await client.get('/api/documents?scope=mine&pageSize=100')).json() as {
      items: Array<{ title: string }>;
      total: number;
    };
    expect(body.total).toBe(before + 1);
    expect(body.items).toHaveLength(body.total);
    expect(body.items.map((d) => d.title)).toContain('我的草稿');
    expect(body.items.map((d) => d.title)).not.toContain('我的批注');
  });
});
