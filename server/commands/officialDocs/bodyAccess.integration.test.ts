// The 正文 of a 公文 follows its route: the drafter edits a draft (and only reads it in the route), the current handlers
// suggest (review mode), those the route named read, nobody else from another unit opens it, and from 签发 on it is
// frozen — over the document API, which asks the same policy as /collab.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { givenOfficialDoc, givenStep, givenSubmitted, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const as: Record<string, TestClient> = {};

beforeEach(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const name of ['sunyue', 'zhangwei']) as[name] = await signedIn(t, name);
  for (const name of ['lihua', 'yangfan', 'chenming']) as[name] = await signedInWithMfa(t, name);
});
afterEach(async () => {
  await t.close();
});

const route = () => ({
  steps: [
    {
      id: 'countersign',
      name: '会签',
      kind: 'parallel',
      mode: 'all',
      handlers: [{ userId: ids.lihua }, { userId: ids.yangfan }],
    },
    { id: 'signoff', name: '签发', kind: 'single', handlers: [{ userId: ids.chenming }] },
  ],
});

/** Each person's access to the 正文 as the document API answers it ('none' for a 404). */
async function bodyAccess(documentId: string, who: string[]) {
  const out: Record<string, string> = {};
  for (const name of who) {
    const res = await as[name]!.get(`/api/documents/${documentId}`);
    out[name] = res.statusCode === 404 ? 'none' : (res.json().access as string);
  }
  return out;
}

it('gives the 正文 to the drafter, then to each step’s handlers to suggest, and freezes it at 签发', async () => {
  const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
  const documentId = (await as.sunyue!.get(`${OFFICIAL_DOCS}/${id}`)).json().documentId as string;
  const everyone = ['sunyue', 'lihua', 'yangfan', 'chenming', 'zhangwei'];
  const review = async () =>
    t.app.svc.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { reviewMode: true, status: true } });

  expect(await bodyAccess(documentId, everyone)).toEqual({
    sunyue: 'manage',
    lihua: 'none',
    yangfan: 'none',
    chenming: 'none',
    zhangwei: 'none',
  });
  expect(await review()).toEqual({ reviewMode: false, status: 'editing' });

  await givenSubmitted(as.sunyue!, id, route());
  expect(await bodyAccess(documentId, everyone)).toEqual({
    sunyue: 'view',
    lihua: 'suggest',
    yangfan: 'suggest',
    chenming: 'view',
    zhangwei: 'none',
  });
  expect(await review()).toEqual({ reviewMode: true, status: 'editing' });

  await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
  expect(await bodyAccess(documentId, ['lihua', 'yangfan', 'chenming'])).toEqual({
    lihua: 'view',
    yangfan: 'suggest',
    chenming: 'view',
  });

  await givenStep(as.yangfan!, id, { action: 'return', reason: '请补充资金来源', to: 'drafter' });
  expect(await review()).toEqual({ reviewMode: false, status: 'editing' });
  expect(await bodyAccess(documentId, ['sunyue', 'lihua', 'yangfan'])).toEqual({
    sunyue: 'manage',
    lihua: 'view',
    yangfan: 'view',
  });

  await givenSubmitted(as.sunyue!, id, route());
  await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
  await givenStep(as.yangfan!, id, { action: 'approve', opinion: '同意' });
  expect(await bodyAccess(documentId, ['chenming'])).toEqual({ chenming: 'suggest' });
  const signed = await as.chenming!.post(`${OFFICIAL_DOCS}/${id}/sign-off`, { opinion: '同意印发' });
  expect(signed.statusCode).toBe(200);
  expect(await review()).toEqual({ reviewMode: false, status: 'finalised' });
  expect(await bodyAccess(documentId, everyone)).toEqual({
    sunyue: 'view',
    lihua: 'view',
    yangfan: 'view',
    chenming: 'view',
    zhangwei: 'none',
  });
});
