// Versions kept before the owner's review decisions, on a real database and collab server: decisions in a row share
// one version taken before the first of them, named by key with who decided and how many; an edit, another version
// or a long pause in between starts a new one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REVIEW_SESSION_IDLE_MS } from '../../domain/documents/reviewSession.ts';
import {
  connectCollaborator,
  paragraph,
  pmDoc,
  waitFor,
  type Collaborator,
} from '../../../tests/support/collabClient.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';

let t: TestApp;
let base: string;
const ids: Record<string, string> = {};
const clients: Record<string, TestClient> = {};
let open: Collaborator[] = [];
let documentId: string;
let reviewer: Collaborator;

interface VersionItem {
  id: string;
  name: string;
  nameKey: string | null;
  nameParams: { by: string | null; byId: string; decisions: number } | null;
  reason: string;
  createdByName: string | null;
}
interface Suggestion {
  id: string;
  kinds: string[];
  text: string;
}

const url = (path = '') => `/api/documents/${documentId}${path}`;

async function reviewVersions(): Promise<VersionItem[]> {
  const res = await clients.zhangwei!.get(url('/versions'));
  expect(res.statusCode).toBe(200);
  return (res.json().items as VersionItem[]).filter((v) => v.reason === 'review');
}

async function suggestions(): Promise<Suggestion[]> {
  return (await clients.zhangwei!.get(url('/suggestions'))).json().items as Suggestion[];
}

async function decide(id: string, decision: 'accept' | 'reject' = 'accept'): Promise<void> {
  const res = await clients.zhangwei!.post(url('/suggestions/decide'), { decision, ids: [id] });
  expect(res.statusCode).toBe(200);
  expect(res.json().decided).toBe(1);
}

/** The reviewer suggests inserting each text at the start of its own paragraph (paragraph i, 0-based). */
async function suggestInsertions(texts: string[]): Promise<void> {
  for (const [i, text] of texts.entries()) {
    reviewer.suggest(
      ids.zhengkai!,
      (s) => {
        let pos = -1;
        s.doc.forEach((n, offset, index) => {
          if (index === i) pos = offset + 1;
        });
        return s.tr.insertText(text, pos);
      },
      t.clock.now().getTime(),
    );
    await reviewer.acked();
  }
}

async function currentContent(): Promise<unknown> {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, await t.app.svc.collab.currentState(documentId));
  const json = pmDoc(doc).toJSON();
  doc.destroy();
  return json;
}

// Every test on its own app: 张伟's four-paragraph draft in review mode, 郑凯 connected as reviewer. A test that needs
// earlier decisions plays them through the builders below.
beforeEach(async () => {
  open = [];
  // Sign-in sessions outlive the pauses the clock is moved through below.
  t = await createTestApp({ clockAt: new Date('2026-11-18T09:05:00+08:00'), config: { sessionIdleMinutes: 240 } });
  base = await t.listen();
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['zhangwei', 'zhengkai']) clients[name] = await signedIn(t, name);
  const created = await clients.zhangwei!.post('/api/documents', {
    kind: 'draft',
    title: '关于做好冬季安全生产工作的通知（草稿）',
  });
  expect(created.statusCode).toBe(201);
  documentId = created.json().id as string;
  expect(
    (
      await clients.zhangwei!.put(url('/shares'), {
        shares: [{ granteeType: 'user', granteeId: ids.zhengkai, access: 'edit' }],
      })
    ).statusCode,
  ).toBe(200);
  const owner = await connectCollaborator(base, clients.zhangwei!, documentId);
  open.push(owner);
  owner.edit((s) => {
    let tr = s.tr;
    for (const text of ['各部门要加强值班值守。', '各单位要排查隐患。', '各街道要做好宣传。', '各学校要落实安全教育。'])
      tr = tr.insert(tr.doc.content.size, paragraph(text));
    return tr;
  });
  await owner.acked();
  owner.destroy();
  expect((await clients.zhangwei!.patch(url(), { reviewMode: true })).json().reviewMode).toBe(true);
  reviewer = await connectCollaborator(base, clients.zhengkai!, documentId);
  open.push(reviewer);
  await waitFor(reviewer.doc, () => reviewer.text().includes('各学校'));
});

afterEach(async () => {
  for (const c of open) c.destroy();
  await t.close();
});

/** Four suggestions, three of them accepted in a row (one review version); 认真 stays pending. */
async function givenThreeAccepts(): Promise<void> {
  await suggestInsertions(['切实', '全面', '广泛', '认真']);
  for (const s of (await suggestions()).slice(0, 3)) await decide(s.id);
}

/** Then a new suggestion (再), rejected: a second version. */
async function givenRejectAfterEdit(): Promise<void> {
  await givenThreeAccepts();
  await suggestInsertions(['再']);
  await decide((await suggestions())[0]!.id, 'reject');
}

/** Then a version saved by hand and the next suggestion accepted: a third. */
async function givenAcceptAfterVersion(): Promise<void> {
  await givenRejectAfterEdit();
  expect((await clients.zhangwei!.post(url('/versions'), { name: '审阅中间稿' })).statusCode).toBe(201);
  await decide((await suggestions())[0]!.id);
}

/** Then three more suggestions, decided before, across and within a long pause: five versions in all. */
async function givenDecisionsAcrossAPause(): Promise<void> {
  await givenAcceptAfterVersion();
  await suggestInsertions(['务必', '及时', '全力']);
  const [first, second, third] = await suggestions();
  await decide(first!.id);
  t.clock.advance(REVIEW_SESSION_IDLE_MS + 60_000);
  await decide(second!.id);
  t.clock.advance(REVIEW_SESSION_IDLE_MS - 60_000);
  await decide(third!.id);
}

describe('versions before review decisions', () => {
  let before: unknown;

  it('keeps one version for three accepts in a row, with the state before the first', async () => {
    await suggestInsertions(['切实', '全面', '广泛', '认真']);
    const pending = await suggestions();
    expect(pending).toHaveLength(4);
    before = await currentContent();
    for (const s of pending.slice(0, 3)) await decide(s.id);

    const versions = await reviewVersions();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      nameKey: 'review_decisions',
      name: '审阅决定前',
      nameParams: { by: '张伟', byId: ids.zhangwei, decisions: 3 },
      createdByName: '张伟',
    });
    // No language glued into the name any more.
    expect(versions[0]!.name).not.toContain('/');
    const content = (await clients.zhangwei!.get(url(`/versions/${versions[0]!.id}`))).json().content;
    expect(content).toEqual(before);
    expect(content).not.toEqual(await currentContent());
    const audited = await t.app.svc.db.auditEvent.findMany({
      where: { resourceId: documentId, action: 'document.suggestion_accept' },
      orderBy: { seq: 'asc' },
    });
    expect(
      audited
        .map((e) => JSON.parse(e.detail) as { versionId: string; session: string })
        .map((d) => [d.versionId, d.session]),
    ).toEqual([
      [versions[0]!.id, 'no_session'],
      [versions[0]!.id, 'continued'],
      [versions[0]!.id, 'continued'],
    ]);
  });

  it('starts a new version for a decision after an intervening edit', async () => {
    await givenThreeAccepts();
    await suggestInsertions(['再']);
    const beforeEdit = await currentContent();
    const next = (await suggestions())[0]!;
    await decide(next.id, 'reject');
    const versions = await reviewVersions();
    expect(versions).toHaveLength(2);
    // Newest first: the new one holds the state with the reviewer's latest suggestion, before this decision.
    expect(versions[0]!.nameParams).toMatchObject({ decisions: 1 });
    expect(versions[1]!.nameParams).toMatchObject({ decisions: 3 });
    expect((await clients.zhangwei!.get(url(`/versions/${versions[0]!.id}`))).json().content).toEqual(beforeEdit);
  });

  it('starts a new version for a decision after another version was saved', async () => {
    await givenRejectAfterEdit();
    expect((await clients.zhangwei!.post(url('/versions'), { name: '审阅中间稿' })).statusCode).toBe(201);
    const next = (await suggestions())[0]!;
    await decide(next.id);
    const versions = await reviewVersions();
    expect(versions).toHaveLength(3);
    expect(versions.map((v) => v.nameParams?.decisions)).toEqual([1, 1, 3]);
  });

  it('starts a new version after a long pause, and a decision within the pause joins it', async () => {
    await givenAcceptAfterVersion();
    await suggestInsertions(['务必', '及时', '全力']);
    const [first, second, third] = await suggestions();
    await decide(first!.id);
    t.clock.advance(REVIEW_SESSION_IDLE_MS + 60_000);
    await decide(second!.id);
    t.clock.advance(REVIEW_SESSION_IDLE_MS - 60_000);
    await decide(third!.id);
    const versions = await reviewVersions();
    expect(versions.map((v) => v.nameParams?.decisions)).toEqual([2, 1, 1, 1, 3]);
    const sessions = (
      await t.app.svc.db.auditEvent.findMany({
        where: { resourceId: documentId, action: { startsWith: 'document.suggestion_' } },
        orderBy: { seq: 'asc' },
      })
    ).map((e) => (JSON.parse(e.detail) as { session: string }).session);
    expect(sessions.slice(-3)).toEqual(['edited', 'paused', 'continued']);
  });

  it('makes no version when nothing chosen is left to decide', async () => {
    await givenDecisionsAcrossAPause();
    const res = await clients.zhangwei!.post(url('/suggestions/decide'), { decision: 'accept', ids: ['s:gone:1:abc'] });
    expect(res.json().decided).toBe(0);
    expect(await reviewVersions()).toHaveLength(5);
  });

  it('shows rows from before keys in the reader’s language too', async () => {
    await givenThreeAccepts();
    await t.app.svc.db.documentVersion.create({
      data: {
        documentId,
        name: '审阅决定前',
        nameKey: 'review_decisions',
        nameParams: null,
        reason: 'review',
        state: new Uint8Array(),
        contentHash: 'x',
        createdById: ids.zhangwei!,
        createdAt: new Date('2026-11-01T00:00:00Z'),
      },
    });
    const oldest = (await reviewVersions()).at(-1)!;
    expect(oldest).toMatchObject({ nameKey: 'review_decisions', nameParams: null, name: '审阅决定前' });
  });
});
