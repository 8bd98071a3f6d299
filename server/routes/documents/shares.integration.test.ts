// Shares respect classification: a document is shared only with people cleared for it (and never with an
// administrator); a refused share changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../tests/support/meetings.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const owner = () => as.zhaojing!;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-11-18T09:00:00+08:00') });
  ids = await demoIds(t);
  as.zhaojing = await signedIn(t, 'zhaojing');
  as.guomin = await signedInWithMfa(t, 'guomin');
});
afterAll(async () => t.close());

describe('sharing a classified document', () => {
  it('refuses a 秘密 share to a person cleared only for 内部 or to an administrator, and keeps the shares as they were', async () => {
    // zhaojing (clearance 2, 秘密) drafts a 秘密 document.
    const doc = (
      await owner().post('/api/documents', { kind: 'draft', title: '人事调整方案', classification: 'secret' })
    ).json() as { id: string };
    const ok = await owner().put(`/api/documents/${doc.id}/shares`, {
      shares: [{ granteeType: 'user', granteeId: ids.users.guomin, access: 'view' }],
    });
    expect(ok.statusCode).toBe(200);

    for (const username of ['zhangwei', 'sysadmin']) {
      const res = await owner().put(`/api/documents/${doc.id}/shares`, {
        shares: [{ granteeType: 'user', granteeId: ids.users[username], access: 'view' }],
      });
      expect(res.statusCode, username).toBe(422);
      expect(res.json()).toMatchObject({ code: 'grantee_not_cleared', details: { userIds: [ids.users[username]] } });
    }
    const shares = await t.app.svc.db.documentShare.findMany({ where: { documentId: doc.id } });
    expect(shares.map((s) => s.granteeId)).toEqual([ids.users.guomin]);
    expect((await as.guomin!.get(`/api/documents/${doc.id}`)).statusCode).toBe(200);
  });
});
