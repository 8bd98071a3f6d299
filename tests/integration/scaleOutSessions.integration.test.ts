// Session end and access changes across instances (issue #20): an editor connected to instance B loses their collab
// connection, or is sent back to reconnect with their new access, when their session ends or the document's access
// changes on instance A, as on one instance (collab.integration.test.ts). The instances' periodic re-check is switched
// off here, so only the event A publishes through Redis (server/scaleOut/collabEvents.ts) can close the connection on
// B. Runs when TONGBAN_TEST_REDIS_URL is set.
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { connectCollaborator, paragraph, type Collaborator } from '../support/collabClient.ts';
import { REDIS_SKIPPED, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.ts';
import { secondInstance, type Instance } from '../support/secondInstance.ts';
import { createTestApp, signedIn, signedInWithMfa, type TestApp, type TestClient } from '../support/testApp.ts';
import type { CollabContext } from '../../collab/context.ts';
import { AuthenticationExtension } from '../../collab/extensions/AuthenticationExtension.ts';

describe.skipIf(!TEST_REDIS_URL)(
  `session end and access changes across two instances${TEST_REDIS_URL ? '' : ` (${REDIS_SKIPPED})`}`,
  () => {
    let a: TestApp;
    let b: Instance;
    let urlB: string;
    let periodic: MockInstance;
    const ids: Record<string, string> = {};
    const open: Collaborator[] = [];

    beforeAll(async () => {
      periodic = vi.spyOn(AuthenticationExtension.prototype, 'recheckAll').mockResolvedValue(undefined);
      a = await createTestApp({ config: { redisUrl: TEST_REDIS_URL, redisPrefix: testRedisPrefix() } });
      b = await secondInstance(a);
      await a.listen();
      urlB = await b.listen();
      for (const u of await a.app.svc.db.user.findMany()) ids[u.username] = u.id;
    });
    afterAll(async () => {
      for (const c of open) c.destroy();
      await b?.close();
      await a?.close();
      periodic.mockRestore();
    });

    /** A draft of zhangwei's, shared with these people (through instance A). */
    async function draftSharedWith(owner: TestClient, shares: Record<string, 'edit' | 'view'>): Promise<string> {
      const created = await owner.post('/api/documents', { kind: 'draft', title: '跨实例访问变更' });
      const id = (created.json() as { id: string }).id;
      await share(owner, id, shares);
      return id;
    }

    async function share(owner: TestClient, documentId: string, shares: Record<string, 'edit' | 'view'>) {
      const res = await owner.put(`/api/documents/${documentId}/shares`, {
        shares: Object.entries(shares).map(([u, access]) => ({ granteeType: 'user', granteeId: ids[u], access })),
      });
      expect(res.statusCode).toBe(200);
    }

    /** An editor on instance B. */
    async function onB(client: TestClient, documentId: string): Promise<Collaborator> {
      const c = await connectCollaborator(urlB, client, documentId);
      open.push(c);
      return c;
    }

    /** The connections instance B holds for a document, with whose they are and whether they are read-only. */
    function connectionsOnB(documentId: string): Array<{ userId: string; readOnly: boolean }> {
      const document = b.app.svc.collab.hocuspocus.documents.get(`doc:${documentId}`);
      return [...(document?.connections.keys() ?? [])].map((c) => ({
        userId: (c.context as CollabContext).userId,
        readOnly: c.readOnly,
      }));
    }

    it('closes an editor on B when their session signs out on A, and no one else', async () => {
      const owner = await signedIn(a, 'zhangwei');
      const id = await draftSharedWith(owner, { matao: 'edit' });
      const ownerOnB = await onB(owner, id);
      const session = await signedIn(a, 'matao');
      const editor = await onB(session, id);
      expect((await session.post('/api/auth/sign-out')).statusCode).toBe(200);
      expect((await editor.closed).reason).toMatch(/^4401 unauthorized/);
      // The owner's session goes on: their connection on B still takes edits.
      ownerOnB.edit((s) => s.tr.insert(0, paragraph('仍在编辑。')));
      await ownerOnB.acked();
      expect(connectionsOnB(id)).toEqual([{ userId: ids.zhangwei, readOnly: false }]);
    });

    it('closes an editor on B when an administrator disables their account on A', async () => {
      const owner = await signedIn(a, 'zhangwei');
      const id = await draftSharedWith(owner, { hejun: 'edit' });
      const editor = await onB(await signedIn(a, 'hejun'), id);
      const sysadmin = await signedInWithMfa(a, 'sysadmin');
      expect((await sysadmin.patch(`/api/users/${ids.hejun}`, { disabled: true })).statusCode).toBe(200);
      expect((await editor.closed).reason).toMatch(/^4401 unauthorized/);
      expect((await sysadmin.patch(`/api/users/${ids.hejun}`, { disabled: false })).statusCode).toBe(200);
    });

    it('sends an editor on B back to reconnect read-only when their share becomes view on A', async () => {
      const owner = await signedIn(a, 'zhangwei');
      const id = await draftSharedWith(owner, { xuyan: 'edit' });
      const reader = await signedIn(a, 'xuyan');
      const editor = await onB(reader, id);
      expect(connectionsOnB(id)).toEqual([{ userId: ids.xuyan, readOnly: false }]);
      await share(owner, id, { xuyan: 'view' });
      expect((await editor.closed).reason).toMatch(/^4409 access_changed/);
      await onB(reader, id);
      expect(connectionsOnB(id)).toEqual([{ userId: ids.xuyan, readOnly: true }]);
    });

    it('closes an editor on B when their share is withdrawn on A', async () => {
      const owner = await signedIn(a, 'zhangwei');
      const id = await draftSharedWith(owner, { zhengkai: 'edit' });
      const editor = await onB(await signedIn(a, 'zhengkai'), id);
      await share(owner, id, {});
      // Refused, or (when their unit may still read the draft) sent back to reconnect with what is left.
      expect((await editor.closed).reason).toMatch(/^(4401 unauthorized|4409 access_changed)/);
    });
  },
);
