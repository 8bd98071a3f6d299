// Two Tongban instances on one Redis (issue #20, TONGBAN_REDIS_URL): two editors of one document, each connected to
// another instance, converge; a meeting split between the two (an instance that held it came back) moves whole to the
// one that opened it last; a notification raised on one instance reaches the user's socket on the other. The
// instances share the data directory (until the rest of the data moves to PostgreSQL) and, when
// TONGBAN_TEST_POSTGRES_URL is set too, keep the collab log in PostgreSQL. Runs when TONGBAN_TEST_REDIS_URL is set.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connectCollaborator, paragraph, textOf, waitFor, type Collaborator } from '../support/collabClient.ts';
import { freshTestSchema, TEST_POSTGRES_URL, type TestSchema } from '../support/postgres.ts';
import { REDIS_SKIPPED, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.ts';
import { secondInstance, type Instance } from '../support/secondInstance.ts';
import { nextEvent, socketAs } from '../support/sockets.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../support/testApp.ts';
import * as Y from 'yjs';
import { inTransaction } from '../../server/db/transaction.ts';
import { notice } from '../../server/notifications/notificationHub.ts';
import { listBackups } from '../../server/backup/retention.ts';
import { joined, MeetingSocket, scheduleOnlineMeeting } from '../support/onlineMeeting.ts';

describe.skipIf(!TEST_REDIS_URL)(`two instances on one Redis${TEST_REDIS_URL ? '' : ` (${REDIS_SKIPPED})`}`, () => {
  let a: TestApp;
  let b: Instance;
  let urlA: string;
  let urlB: string;
  let schema: TestSchema | null = null;
  const open: Array<{ destroy(): void } | { close(): unknown }> = [];

  beforeAll(async () => {
    schema = TEST_POSTGRES_URL ? await freshTestSchema() : null;
    const shared = { redisUrl: TEST_REDIS_URL, redisPrefix: testRedisPrefix(), databaseUrl: schema?.url ?? null };
    const media = { mediaPort: 0, mediaWorkers: 1, mediaListenIp: '127.0.0.1', mediaAnnouncedIp: '127.0.0.1' };
    a = await createTestApp({ config: { ...shared, ...media } });
    b = await secondInstance(a, media);
    urlA = await a.listen();
    urlB = await b.listen();
  });
  afterAll(async () => {
    for (const o of open)
      if ('destroy' in o) o.destroy();
      else o.close();
    await b?.close();
    await a?.close();
    await schema?.drop();
  });

  async function editor(baseUrl: string, client: TestClient, documentId: string): Promise<Collaborator> {
    const c = await connectCollaborator(baseUrl, client, documentId);
    open.push(c);
    return c;
  }

  it('converges two editors of one document connected to different instances, each update logged once', async () => {
    const owner = await signedIn(a, 'zhangwei');
    const created = await owner.post('/api/documents', { kind: 'draft', title: '跨实例协同' });
    const documentId = (created.json() as { id: string }).id;
    const onA = await editor(urlA, owner, documentId);
    const onB = await editor(urlB, owner, documentId);

    onA.edit((s) => s.tr.insert(0, paragraph('甲在实例一写的。')));
    await waitFor(onB.doc, () => onB.text().includes('实例一'), 10_000);
    onB.edit((s) => s.tr.insert(s.doc.content.size, paragraph('乙在实例二写的。')));
    await waitFor(onA.doc, () => onA.text().includes('实例二'), 10_000);
    await Promise.all([onA.acked(), onB.acked()]);
    expect(onA.text()).toBe(onB.text());

    // Both instances read one log: what each acknowledged is there, whichever instance loads it.
    for (const store of [a.app.svc.collab.store, b.app.svc.collab.store]) {
      const reloaded = new Y.Doc();
      Y.applyUpdate(reloaded, (await store.load(documentId)).state!);
      expect(textOf(reloaded)).toBe(onA.text());
    }
    // An update an instance received from the other through Redis is not logged again by it (as a server-side change
    // without an author): only the instance its editor is connected to logs it.
    if (a.app.svc.collab.store.kind === 'sqlite') {
      expect(await a.app.svc.db.documentUpdate.count({ where: { documentId, userId: null } })).toBe(0);
      expect(await a.app.svc.db.documentUpdate.count({ where: { documentId } })).toBeGreaterThan(0);
    } else {
      const { rows } = await schema!.pool.query<{ anonymous: number; all: number }>(
        `SELECT COUNT(*) FILTER (WHERE "userId" IS NULL)::integer AS anonymous, COUNT(*)::integer AS all
           FROM "DocumentUpdate" WHERE "documentId" = $1`,
        [documentId],
      );
      expect(rows[0]).toMatchObject({ anonymous: 0 });
      expect(rows[0]!.all).toBeGreaterThan(0);
    }
  });

  it('moves a meeting split between two instances to the one that opened it last, where all its people rejoin', async () => {
    // As when the instance that held a meeting comes back: those who moved away when it died are on another instance,
    // and a latecomer is sent to it again (the load balancer routes by meeting, consistent hashing).
    const { meetingId } = await scheduleOnlineMeeting(a, { host: 'zhangwei', participants: ['hejun'] });
    const moved = await MeetingSocket.connect(a, urlA, 'zhangwei', meetingId);
    open.push(moved);
    joined(await moved.request('join', { meetingId }));
    expect(a.app.svc.liveMeetings.peek(meetingId)).toBeDefined();
    const dropped = new Promise<string>((resolve) => moved.socket.once('disconnect', (reason) => resolve(reason)));

    const latecomer = await MeetingSocket.connect(a, urlB, 'hejun', meetingId);
    open.push(latecomer);
    joined(await latecomer.request('join', { meetingId }));
    // A's copy closes and its participant's connection drops (not the session): the client reconnects by itself.
    expect(await dropped).toBe('transport close');
    expect(a.app.svc.liveMeetings.peek(meetingId)).toBeUndefined();
    expect(b.app.svc.liveMeetings.peek(meetingId)).toBeDefined();

    // Reconnected through the load balancer (to B now), the participant finds the latecomer in, and is found.
    const back = await MeetingSocket.connect(a, urlB, 'zhangwei', meetingId);
    open.push(back);
    const seen = latecomer.next('peerJoined');
    const rejoined = joined(await back.request('join', { meetingId }));
    expect(rejoined.peers.map((p) => p.userId)).toEqual([latecomer.userId]);
    expect((await seen).data.peer.userId).toBe(back.userId);
    // B opened nothing new, so nothing moves again.
    expect(b.app.svc.liveMeetings.peek(meetingId)).toBeDefined();
    expect(a.app.svc.liveMeetings.peek(meetingId)).toBeUndefined();

    // An ordinary connection is not routed by meeting: joining over one would open another copy, so it is refused.
    const ordinary = await MeetingSocket.connect(a, urlA, 'hejun');
    open.push(ordinary);
    const refused = await ordinary.ask('join', { meetingId });
    expect(refused).toMatchObject({ ok: false, code: 'meeting_connection_required' });
    expect(a.app.svc.liveMeetings.peek(meetingId)).toBeUndefined();
  });

  it("delivers a notification raised on one instance to the user's socket on the other", async () => {
    const client = await signedIn(a, 'hejun');
    const userId = (await client.get('/api/auth/session')).json().user.id as string;
    const socket: Socket = await socketAs(urlB, client);
    open.push(socket);
    const arrived = nextEvent<{ kind: string; title: string }>(socket, 'notification:new');
    const counted = nextEvent<{ unread: number }>(socket, 'notification:count');
    const svc = a.app.svc;
    const created = await inTransaction(svc, (tx) =>
      svc.notifications.create(
        tx,
        [notice(userId, 'account.clearance_changed', {}, '/settings', { kind: 'account', userId })],
        a.clock.now(),
      ),
    );
    await svc.notifications.publish(created);
    expect(await arrived).toMatchObject({ kind: 'account.clearance_changed', title: '您的密级已调整' });
    expect((await counted).unread).toBeGreaterThanOrEqual(1);
  });
});

describe.skipIf(!TEST_REDIS_URL)(
  `background jobs across instances${TEST_REDIS_URL ? '' : ` (${REDIS_SKIPPED})`}`,
  () => {
    let a: TestApp;
    let b: Instance;

    // The supervision warnings every second, with a lease of 2 s, on both instances.
    const everySecond = { supervisionTickSeconds: 1, jobLeaseSeconds: 2 };
    beforeAll(async () => {
      a = await createTestApp({ config: { redisUrl: TEST_REDIS_URL, redisPrefix: testRedisPrefix(), ...everySecond } });
      b = await secondInstance(a, everySecond);
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    /** Counts the timed runs of the supervision warnings on an instance from now on. */
    function countRuns(app: TestApp['app']): { runs: number } {
      const job = app.jobs.supervisionWarnings;
      const tick = job.tick.bind(job);
      const counter = { runs: 0 };
      job.tick = () => {
        counter.runs++;
        return tick();
      };
      return counter;
    }

    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('runs a job on one instance only, and on the other once the holder dies', async () => {
      const onA = countRuns(a.app);
      const onB = countRuns(b.app);
      await sleep(3_500);
      // a started first and took the lease; b asked every second and found it held.
      expect(onA.runs).toBeGreaterThanOrEqual(2);
      expect(onB.runs).toBe(0);

      // a dies: its timers stop and its lease is neither renewed nor released.
      await a.app.jobs.abandon();
      const aRunsAtDeath = onA.runs;
      for (let waited = 0; onB.runs === 0 && waited < 8_000; waited += 250) await sleep(250);
      expect(onB.runs).toBeGreaterThan(0);
      expect(onA.runs).toBe(aRunsAtDeath);
    });
  },
);

describe.skipIf(!TEST_REDIS_URL)(
  `scheduled backups across instances${TEST_REDIS_URL ? '' : ` (${REDIS_SKIPPED})`}`,
  () => {
    let a: TestApp;
    let b: Instance;
    let schema: TestSchema | null = null;
    // A daily backup at 02:30 China time: owed once the clock has passed an 02:30 after the instances started.
    const backupAt = '02:30';

    beforeAll(async () => {
      schema = TEST_POSTGRES_URL ? await freshTestSchema() : null;
      const shared = { redisUrl: TEST_REDIS_URL, redisPrefix: testRedisPrefix(), databaseUrl: schema?.url ?? null };
      a = await createTestApp({ config: { ...shared, backupAt } });
      b = await secondInstance(a, { backupAt });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await schema?.drop();
    });

    it('makes a backup owed once, on one of the instances that share the database and the data directory', async () => {
      expect(listBackups(a.app.svc.config.backupDir)).toHaveLength(0);
      // The next scheduled time passes (the instances share the clock); both start their timed runs again at once,
      // each catching up on the backup now owed.
      a.clock.advance(24 * 3_600_000);
      await Promise.all([a.app.jobs.backups.stop(), b.app.jobs.backups.stop()]);
      a.app.jobs.backups.start();
      b.app.jobs.backups.start();
      await vi.waitFor(() => expect(listBackups(a.app.svc.config.backupDir).length).toBeGreaterThan(0), {
        timeout: 30_000,
      });
      // Both runs have finished (one made the backup, the other found the lease taken).
      await Promise.all([a.app.jobs.backups.stop(), b.app.jobs.backups.stop()]);
      expect(listBackups(a.app.svc.config.backupDir)).toHaveLength(1);
    });
  },
);
