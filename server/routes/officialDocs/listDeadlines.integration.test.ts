// The 办文 lists carry each 公文's 办理时限: the listing handler's own due date on the working-day calendar while the
// current step waits for them, the earliest of those it waits for otherwise, and none for a step without a deadline.
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
  // Friday 13 March 2026, 09:00 in China: two working days later is Tuesday the 17th.
  t = await createTestApp({ clockAt: new Date('2026-03-13T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  as.sunyue = await signedIn(t, 'sunyue');
  for (const name of ['lihua', 'yangfan', 'chenming']) as[name] = await signedInWithMfa(t, name);
});
afterEach(async () => {
  await t.close();
});

const listed = async (who: string, scope: string) =>
  (await as[who]!.get(`${OFFICIAL_DOCS}?scope=${scope}`)).json().items as Array<{ id: string; dueOn: string | null }>;

it('lists the current step’s 办理时限, and none once the step has no deadline', async () => {
  const id = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [] });
  expect((await listed('sunyue', 'mine')).find((i) => i.id === id)?.dueOn).toBeNull();
  await givenSubmitted(as.sunyue!, id, {
    steps: [
      {
        id: 'countersign',
        name: '会签',
        kind: 'parallel',
        handlers: [{ userId: ids.lihua }, { userId: ids.yangfan }],
        deadlineDays: 2,
      },
      { id: 'signoff', name: '签发', kind: 'single', handlers: [{ userId: ids.chenming }] },
    ],
  });
  expect(await listed('lihua', 'todo')).toEqual([expect.objectContaining({ id, dueOn: '2026-03-17' })]);
  expect((await listed('sunyue', 'mine')).find((i) => i.id === id)?.dueOn).toBe('2026-03-17');
  expect(await listed('chenming', 'todo')).toEqual([]);

  await givenStep(as.lihua!, id, { action: 'approve', opinion: '同意' });
  await givenStep(as.yangfan!, id, { action: 'approve', opinion: '同意' });
  expect(await listed('chenming', 'todo')).toEqual([expect.objectContaining({ id, dueOn: null })]);
});
