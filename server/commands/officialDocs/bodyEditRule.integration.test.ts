// The drafter edits the 正文 of a 公文 only while it is theirs (a draft, or returned to them): once it is in its route,
// the server refuses their writes through /collab (their open editor is closed, a new one is read-only and what it
// sends is dropped) and through the document API (rename, shares, review mode, the document workflow), and from 签发 on
// they cannot reopen it. One rule in server/policies/documents.ts serves both.
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectCollaborator, textOf, waitFor, type Collaborator } from '../../../tests/support/collabClient.ts';
import { givenOfficialDoc, givenStep, givenSubmitted, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
let base: string;
const ids: Record<string, string> = {};
const as: Record<string, TestClient> = {};
const open: Collaborator[] = [];

beforeEach(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  base = await t.listen();
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  as.sunyue = await signedIn(t, 'sunyue');
  for (const name of ['lihua', 'chenming']) as[name] = await signedInWithMfa(t, name);
});
afterEach(async () => {
  for (const c of open.splice(0)) c.destroy();
  await t.close();
});

const route = () => ({
  steps: [
    { id: 'review', name: '审核', kind: 'single', handlers: [{ userId: ids.lihua }] },
    { id: 'signoff', name: '签发', kind: 'single', handlers: [{ userId: ids.chenming }] },
  ],
});

async function connect(who: string, documentId: string): Promise<Collaborator> {
  const c = await connectCollaborator(base, as[who]!, documentId);
  open.push(c);
  return c;
}

async function serverText(documentId: string): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await t.app.svc.collab.currentState(documentId));
  const text = textOf(doc);
  doc.destroy();
  return text;
}

/** What the drafter may do to the 正文 over the document API: each answer's status. */
async function documentApi(documentId: string) {
  const drafter = as.sunyue!;
  return {
    access: (await drafter.get(`/api/documents/${documentId}`)).json().access as string,
    rename: (await drafter.patch(`/api/documents/${documentId}`, { title: '改过的标题' })).statusCode,
    shares: (
      await drafter.put(`/api/documents/${documentId}/shares`, {
        shares: [{ granteeType: 'user', granteeId: ids.lihua, access: 'edit' }],
      })
    ).statusCode,
    reviewOff: (await drafter.patch(`/api/documents/${documentId}`, { reviewMode: false })).statusCode,
    reopen: (await drafter.post(`/api/documents/${documentId}/workflow`, { action: 'reopen' })).statusCode,
  };
}

it('refuses the drafter’s writes to the 正文 while the 公文 is in its route, over /collab and the document API', async () => {
  const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
  const documentId = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json().documentId as string;
  const original = await serverText(documentId);

  // A draft is the drafter's: their editor writes.
  const drafting = await connect('sunyue', documentId);
  await waitFor(drafting.doc, () => drafting.text() === original);
  drafting.edit((s) => s.tr.insertText('（草稿）', 1));
  await drafting.acked();
  expect(await serverText(documentId)).toBe(`（草稿）${original}`);

  // Sent into its route: the open editor is closed at once, since what it may do changed.
  await givenSubmitted(as.sunyue!, id, route());
  expect((await drafting.closed).reason).toMatch(/^4409 access_changed/);

  // A new editor is read-only: what it sends is dropped, while the handler's suggestion goes through to everyone.
  const reading = await connect('sunyue', documentId);
  const handler = await connect('lihua', documentId);
  await waitFor(reading.doc, () => reading.text() === `（草稿）${original}`);
  reading.edit((s) => s.tr.insertText('偷改', 1));
  // Stamped by the server's clock, as the editor does: the test's clock is not today.
  const at = t.app.svc.clock.now().getTime();
  handler.suggest(ids.lihua!, (s) => s.tr.insertText('建议', s.doc.content.size - 1), at);
  await handler.acked();
  await waitFor(reading.doc, () => reading.text().includes('建议'));
  expect(await serverText(documentId)).not.toContain('偷改');
  expect(await serverText(documentId)).toContain('建议');

  expect(await documentApi(documentId)).toEqual({
    access: 'view',
    rename: 403,
    shares: 403,
    reviewOff: 403,
    reopen: 403,
  });
  const kept = await t.app.svc.db.document.findUniqueOrThrow({
    where: { id: documentId },
    select: { reviewMode: true, status: true, title: true },
  });
  expect(kept).toMatchObject({ reviewMode: true, status: 'editing', title: '关于做好2026年春季防汛工作的通知' });

  // Returned to the drafter, it is theirs again.
  await givenStep(as.lihua!, id, { action: 'return', reason: '请核实数据', to: 'drafter' });
  expect((await as.sunyue!.get(`/api/documents/${documentId}`)).json().access).toBe('manage');
  const again = await connect('sunyue', documentId);
  await waitFor(again.doc, () => again.text().includes('建议'));
  again.edit((s) => s.tr.insertText('已改', 1));
  await again.acked();
  expect(await serverText(documentId)).toContain('已改');
});

it('never lets the drafter reopen a 正文 frozen at 签发', async () => {
  const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
  const documentId = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json().documentId as string;
  await givenSubmitted(as.sunyue!, id, route());
  await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
  expect((await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意印发' })).statusCode).toBe(200);

  const reopen = await as.sunyue!.post(`/api/documents/${documentId}/workflow`, { action: 'reopen' });
  expect(reopen.statusCode).toBe(403);
  const row = await t.app.svc.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { status: true } });
  expect(row.status).toBe('finalised');
  expect((await as.sunyue!.get(`/api/documents/${documentId}`)).json().access).toBe('view');
});
