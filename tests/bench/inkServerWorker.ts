// The Tongban server for the ink benchmark, alone in its own process: the real app (buildApp: every collab extension
// including ink validation, durable SQLite log) on a temp data dir, a meeting scheduled through the API with the demo
// users at the table, two PDF materials, and a real collab token per participant for the shared ink layer.
// Driven over IPC by tests/bench/ink.ts:  node --import tsx tests/bench/inkServerWorker.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { buildApp } from '../../server/app.ts';
import { seedDemoOrganisation } from '../../server/seed/demoOrganisation.ts';
import { DOCUMENT_NAME_PREFIX } from '../../collab/context.ts';
import { encodePoints, strokesMap, type InkStroke } from '../../common/schema/inkModel.ts';
import { addRoom, multipart, pdfBytes } from '../support/meetings.ts';
import { TestClient } from '../support/testApp.ts';
import { LatencyHistogram } from './collabBenchProtocol.ts';
import {
  penStroke,
  rng,
  type DrawProvider,
  type FromServer,
  type ServerStats,
  type ToServer,
} from './inkBenchProtocol.ts';

/** Demo accounts that sign in without a second factor; the clerk schedules the meeting and hosts it. */
const CLERK = 'zhaojing';
const PARTICIPANTS = ['zhangwei', 'hejun', 'matao', 'xuyan', 'zhengkai', 'sunyue', 'wuli'];
const PRELOAD_BATCH = 250;
const UNLOAD_TIMEOUT_MS = 30_000;

function send(message: FromServer): void {
  process.send?.(message);
}

async function signedIn(app: Awaited<ReturnType<typeof buildApp>>, username: string): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.signIn(username);
  if (res.statusCode !== 200 || (res.json() as { stage?: string }).stage !== 'active')
    throw new Error(`sign-in of ${username} did not complete: ${res.statusCode} ${res.body}`);
  return client;
}

function expectOk<T>(res: { statusCode: number; body: string; json(): unknown }, what: string): T {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

async function main(): Promise<void> {
  // Sign-ins of several benchmark users from one address must not trip the per-IP limit.
  process.env.TONGBAN_AUTH_RATE_LIMIT = '1000';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-inkbench-'));
  const app = await buildApp({
    config: { dataDir, publicUrl: 'http://127.0.0.1:3000', host: '127.0.0.1' },
    serveClient: false,
    logger: false,
  });
  await app.ready();
  await seedDemoOrganisation(app.svc);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/collab`;

  const users = new Map(
    (await app.svc.db.user.findMany({ select: { id: true, username: true } })).map((u) => [u.username, u.id]),
  );
  const clerk = await signedIn(app, CLERK);
  const people = await Promise.all(PARTICIPANTS.map((u) => signedIn(app, u)));
  const roomId = await addRoom(clerk, '基准测试会议室', 60);
  const start = new Date(Date.now() + 86_400_000);
  const meeting = expectOk<{ id: string }>(
    await clerk.post('/api/meetings', {
      title: '批注基准测试会',
      type: 'zhuanti',
      mode: 'in_room',
      roomId,
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 7_200_000).toISOString(),
      hostId: users.get(CLERK),
      participants: { users: PARTICIPANTS.map((u) => ({ userId: users.get(u)! })), units: [] },
    }),
    'meeting',
  );
  const material = async (name: string) => {
    const { payload, headers } = multipart(name, 'application/pdf', pdfBytes(name));
    const uploaded = expectOk<{ id: string }>(
      await clerk.request('POST', `/api/meetings/${meeting.id}/materials`, payload, headers),
      'upload',
    );
    return expectOk<{ sharedDocumentId: string }>(
      await people[0]!.get(`/api/meetings/${meeting.id}/materials/${uploaded.id}/annotations`),
      'annotations',
    ).sharedDocumentId;
  };
  const drawDocumentId = await material('议题材料.pdf');
  const loadDocumentId = await material('满页批注.pdf');

  const tokens = async (documentId: string, count: number) => {
    const out: Array<{ token: string; documentName: string; userId: string }> = [];
    for (let i = 0; i < count; i++) {
      const k = i % PARTICIPANTS.length;
      const body = expectOk<{ token: string; documentName: string; access: string }>(
        await people[k]!.post(`/api/documents/${documentId}/collab-token`),
        'collab token',
      );
      if (body.access !== 'comment' && body.access !== 'edit')
        throw new Error(`expected drawing access, got ${body.access}`);
      out.push({ token: body.token, documentName: body.documentName, userId: users.get(PARTICIPANTS[k]!)! });
    }
    return out;
  };

  /** Fills the page through the collab server in batches (as a meeting's worth of drawing would arrive), then lets it unload. */
  const preload = async (strokes: number, points: number): Promise<{ bytes: number; ms: number }> => {
    const started = performance.now();
    const random = rng(5000);
    const authors = PARTICIPANTS.map((u) => users.get(u)!);
    // Held open so that each batch does not unload and reload the growing document.
    const hold = await app.svc.collab.hocuspocus.openDirectConnection(`${DOCUMENT_NAME_PREFIX}${loadDocumentId}`, {
      persistedByCaller: true,
      userId: authors[0]!,
    });
    for (let done = 0; done < strokes; done += PRELOAD_BATCH) {
      await app.svc.collab.transact(loadDocumentId, authors[0]!, (doc) => {
        const map = strokesMap(doc);
        for (let i = done; i < Math.min(strokes, done + PRELOAD_BATCH); i++) {
          const stroke: InkStroke = {
            id: `pre${i.toString(36)}`,
            page: '1',
            tool: 'pen',
            color: '#cf1322',
            width: 2,
            points: encodePoints(penStroke(random, points)),
            author: authors[i % authors.length]!,
            at: Date.now(),
          };
          map.set(stroke.id, stroke);
        }
      });
    }
    await hold.disconnect();
    const deadline = Date.now() + UNLOAD_TIMEOUT_MS;
    while (app.svc.collab.hocuspocus.documents.has(`${DOCUMENT_NAME_PREFIX}${loadDocumentId}`) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    return { bytes: (await app.svc.collab.currentState(loadDocumentId)).byteLength, ms: performance.now() - started };
  };

  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  // The beforeSync hooks (structural and ink checks, durable append) run in sequence before an update is applied and
  // broadcast; timing the chain from the first to the last separates the server's share of the latency.
  let beforeSync = new LatencyHistogram();
  let gcMaxMs = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, e.duration);
  }).observe({ entryTypes: ['gc'] });
  const extensions = app.svc.collab.hocuspocus.configuration.extensions;
  const byPriority = [...extensions]
    .filter((e) => typeof e.beforeSync === 'function')
    .sort((a, b) => (b.priority ?? 100) - (a.priority ?? 100));
  const started = new WeakMap<object, number>();
  const first = byPriority[0]!;
  const last = byPriority.at(-1)!;
  const firstHook = first.beforeSync!.bind(first);
  const lastHook = last.beforeSync!.bind(last);
  first.beforeSync = (data) => {
    started.set(data.payload, performance.now());
    return firstHook(data);
  };
  last.beforeSync = async (data) => {
    await lastHook(data);
    const at = started.get(data.payload);
    if (at !== undefined) beforeSync.add(performance.now() - at);
  };
  const stats = (reset: boolean): ServerStats => {
    const cpu = process.cpuUsage();
    const result = {
      cpuUs: cpu.user + cpu.system,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
      gcMaxMs,
      beforeSync: beforeSync.toData(),
      rssBytes: process.memoryUsage.rss(),
      atMs: performance.timeOrigin + performance.now(),
    };
    if (reset) {
      loopDelay.reset();
      beforeSync = new LatencyHistogram();
      gcMaxMs = 0;
    }
    return result;
  };

  const shutdown = async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (process.connected) process.disconnect();
    process.exit(0);
  };
  process.on('disconnect', () => void shutdown());
  process.on('message', (raw: ToServer) => {
    const handle = async (): Promise<void> => {
      switch (raw.type) {
        case 'prepare': {
          const { bytes, ms } = await preload(raw.loadStrokes, raw.points);
          const draw: DrawProvider[] = (await tokens(drawDocumentId, raw.participants)).map((t, gid) => ({
            gid,
            ...t,
          }));
          send({
            type: 'prepared',
            draw,
            load: { documentId: loadDocumentId, page: '1', strokes: raw.loadStrokes, bytes, preloadMs: ms },
          });
          return;
        }
        case 'tokens': {
          const list = await tokens(raw.documentId, raw.count);
          send({ type: 'tokens', documentName: list[0]!.documentName, tokens: list.map((t) => t.token) });
          return;
        }
        case 'stats':
          send({ type: 'stats', stats: stats(raw.reset) });
          return;
        case 'exit':
          await shutdown();
          return;
        default: {
          const unknown: never = raw;
          throw new Error(`unknown message ${JSON.stringify(unknown)}`);
        }
      }
    };
    handle().catch((err: unknown) =>
      send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
  send({ type: 'ready', pid: process.pid, url });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
