// Three instances behind nginx, as `npm run cluster` starts them (deploy/cluster/cluster.ts), on PostgreSQL and Redis
// (issue #20): /readyz through nginx over TLS; editors who open a document at their collab token's address reach one
// instance (nginx routes by document); two collab editors that nginx put on different instances converge; a
// notification raised through one instance reaches a socket that long-polls another through nginx; the instance holding
// the background jobs' lease, killed with SIGKILL while its editor types, loses no acknowledged edit, its editor
// reconnects through nginx to another, the readiness watch takes it out of nginx, and another instance takes the lease
// over: every supervision task due, before the kill or after it, gets its deadline reminder exactly once; two
// participants whose ordinary sockets nginx put on different instances meet on one instance through their meeting
// connections (routed by meeting), and when it is killed with SIGKILL both reconnect and join again on another within
// seconds. Runs when TONGBAN_TEST_POSTGRES_URL, TONGBAN_TEST_REDIS_URL and nginx are there.
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Redis } from 'ioredis';
import pino from 'pino';
import { io as connectSocket, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsGet, type Cluster } from '../../deploy/cluster/cluster.ts';
import type { InstanceProcess } from '../../deploy/cluster/instanceProcess.ts';
import { nginxBinary } from '../../deploy/cluster/nginxProcess.ts';
import { bodyLimitMb } from '../../deploy/nginx/nginxConfig.ts';
import { shanghaiDateOf } from '../../common/calendar/isoDate.ts';
import { MEETING_QUERY } from '../../common/socket/meetingQuery.ts';
import type { JoinResult, MeetingAck, MeetingNotification } from '../../media/signaling.ts';
import { openDocumentStore } from '../../collab/storage/openDocumentStore.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { DEMO_PASSWORD } from '../../server/seed/demoOrganisation.ts';
import { loadKeys } from '../../server/security/keys.ts';
import { freshTestSchema, POSTGRES_SKIPPED, TEST_POSTGRES_URL, type TestSchema } from '../support/postgres.ts';
import { REDIS_SKIPPED, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.ts';
import { startQuietCluster, TEST_READINESS_WATCH } from '../support/clusterStart.ts';
import { HttpSession } from '../support/serverProcess.ts';
import { nextEvent } from '../support/sockets.ts';
import { waitFor } from '../support/collabClient.ts';

const SKIPPED = !TEST_POSTGRES_URL
  ? POSTGRES_SKIPPED
  : !TEST_REDIS_URL
    ? REDIS_SKIPPED
    : !nginxBinary()
      ? 'skipped: nginx is not installed (apt-get install nginx; npm install does it as root)'
      : null;

/** The job whose lease the kill test follows, as PeriodicJob labels it (the lease's Redis key ends with it). */
const SUPERVISION_JOB = 'supervision warnings';

/** Every 100 ms asks `probe` until it answers something other than null; fails after `ms` naming what it waited for. */
async function eventually<T>(what: string, ms: number, probe: () => Promise<T | null>): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (performance.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A cookie-keeping client of the cluster through nginx, over TLS trusting the cluster's certificate. */
class ProxiedSession {
  cookie = '';
  private csrf = '';

  constructor(
    private readonly url: string,
    private readonly ca: string,
  ) {}

  call(method: string, route: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const payload = body === undefined ? null : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(
        `${this.url}${route}`,
        {
          method,
          ca: this.ca,
          agent: false,
          headers: {
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
            ...(payload === null ? {} : { 'content-type': 'application/json' }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => {
            const match = /tb_session=([^;]*)/.exec(String(res.headers['set-cookie'] ?? ''));
            if (match) this.cookie = `tb_session=${match[1]}`;
            const json = (res.headers['content-type'] ?? '').includes('json')
              ? (JSON.parse(text) as Record<string, unknown>)
              : {};
            if (typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
            resolve({ status: res.statusCode ?? 0, json });
          });
        },
      );
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  }

  signIn(username: string) {
    return this.call('POST', '/api/auth/sign-in', { username, password: DEMO_PASSWORD });
  }
}

interface Editor {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** The instance nginx put each connection on (X-Tongban-Upstream of the WebSocket handshake), latest last. */
  upstreams: string[];
  /** While closed, reconnection attempts go nowhere (the test looks at the log before the editor resyncs). */
  gate: { open: boolean };
  destroy(): void;
}

/** The instance that answered: X-Tongban-Upstream lists the ones tried before it too (refused connections). */
function servedBy(upstream: string | undefined): string {
  return String(upstream).split(', ').at(-1)!;
}

function addLine(doc: Y.Doc, marker: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(marker)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [p]);
}

function linesOf(doc: Y.Doc): Set<string> {
  return new Set(
    [
      ...doc
        .getXmlFragment('default')
        .toString()
        .matchAll(/>([^<]+)</g),
    ].map((m) => m[1]!),
  );
}

/** Resolves when the server has acknowledged everything the provider sent (its unsynced count back at zero). */
function acked(provider: HocuspocusProvider): Promise<void> {
  return new Promise((resolve) => {
    if (!provider.hasUnsyncedChanges) return resolve();
    const onChange = ({ number }: { number: number }) => {
      if (number !== 0) return;
      provider.off('unsyncedChanges', onChange);
      resolve();
    };
    provider.on('unsyncedChanges', onChange);
  });
}

/**
 * A participant's meeting connection through nginx, opened as the meeting room opens it (query `meeting`), which joins
 * the meeting on every connect, as the room does when socket.io has reconnected, and keeps who else is in it.
 */
class MeetingParticipant {
  readonly socket: Socket;
  /** The others in the meeting (peer id → user id) since this connection last joined; emptied when it drops. */
  readonly others = new Map<string, string>();
  joins = 0;
  /** A join that failed: whoever waits on this participant fails with it. */
  private failure: Error | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    url: string,
    ca: string,
    cookie: string,
    private readonly meetingId: string,
  ) {
    this.socket = connectSocket(url, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      ca,
      query: { [MEETING_QUERY]: meetingId },
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.on('connect', () => {
      this.join().catch((err: unknown) => {
        this.failure = err instanceof Error ? err : new Error(String(err));
        this.changed();
      });
    });
    this.socket.on('disconnect', () => {
      this.others.clear();
      this.changed();
    });
    this.socket.on('meeting:notification', (n: MeetingNotification) => {
      if (n.method === 'peerJoined') this.others.set(n.data.peer.peerId, n.data.peer.userId);
      else if (n.method === 'peerLeft') this.others.delete(n.data.peerId);
      else return;
      this.changed();
    });
  }

  sees(userId: string): boolean {
    return [...this.others.values()].includes(userId);
  }

  /** Resolves when `ready` holds, checked after every join and every change of who is in. */
  until(ready: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure) reject(this.failure);
        else if (!ready()) return;
        else resolve();
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  private async join(): Promise<void> {
    const answer = (await this.socket.timeout(10_000).emitWithAck('meeting:request', {
      method: 'join',
      data: { meetingId: this.meetingId, device: 'desktop' },
    })) as MeetingAck<'join'>;
    if (!answer.ok) throw new Error(`join refused: ${answer.code} ${answer.message}`);
    const result: JoinResult = answer.data;
    if (result.status !== 'joined') throw new Error(`expected to join, got ${result.status}`);
    this.others.clear();
    for (const peer of result.peers) this.others.set(peer.peerId, peer.userId);
    this.joins++;
    this.changed();
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

describe.skipIf(SKIPPED)(`three instances behind nginx${SKIPPED ? ` (${SKIPPED})` : ''}`, () => {
  let cluster: Cluster;
  let schema: TestSchema;
  let ca: string;
  let dataDir: string;
  let redis: Redis;
  let redisPrefix: string;
  const editors: Editor[] = [];
  const sockets: Socket[] = [];
  const participants: MeetingParticipant[] = [];

  beforeAll(async () => {
    schema = await freshTestSchema();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-cluster-'));
    redisPrefix = testRedisPrefix();
    redis = new Redis(TEST_REDIS_URL!);
    cluster = await startQuietCluster({
      instances: 3,
      dataDir,
      databaseUrl: schema.url,
      redisUrl: TEST_REDIS_URL!,
      redisPrefix,
      // Supervision warnings every second, and a lease that outlives a dead holder by 3 s: the takeover within seconds.
      env: { TONGBAN_SUPERVISION_TICK_SECONDS: '1', TONGBAN_JOB_LEASE_SECONDS: '3' },
      watch: TEST_READINESS_WATCH,
    });
    ca = fs.readFileSync(cluster.certificate, 'utf8');
  }, 180_000);

  afterAll(async () => {
    for (const e of editors) e.destroy();
    for (const s of sockets) s.close();
    for (const p of participants) p.socket.close();
    await cluster?.stop();
    await redis?.quit();
    await schema?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const addresses = () => cluster.instances.map((i) => i.address);

  /**
   * An editor through nginx: at the address the collab token names (`?document=`, as the browser opens it: nginx sends
   * one document's editors to one instance), or, `anywhere`, at plain /collab (the instance with the fewest
   * connections), which puts editors of one document on different instances as after a failover.
   */
  async function openEditor(
    session: ProxiedSession,
    documentId: string,
    at: 'token' | 'anywhere' = 'anywhere',
  ): Promise<Editor> {
    const { json } = await session.call('POST', `/api/documents/${documentId}/collab-token`);
    const origin = cluster.url.replace(/^https/, 'wss');
    const upstreams: string[] = [];
    const gate = { open: true };
    const clusterCa = ca;
    // The provider makes a new WebSocket for each (re)connection: each one trusts the cluster's certificate and
    // notes where nginx sent it.
    class ThroughNginx extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(gate.open ? address : 'ws://127.0.0.1:9/collab', protocols, { ca: clusterCa });
        this.once('upgrade', (res: IncomingMessage) => upstreams.push(String(res.headers['x-tongban-upstream'])));
      }
    }
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: at === 'token' ? new URL(String(json.url), origin).toString() : `${origin}/collab`,
      WebSocketPolyfill: ThroughNginx,
      maxAttempts: 0,
      delay: 100,
      factor: 1,
      minDelay: 50,
      maxDelay: 200,
    });
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      websocketProvider,
      name: String(json.documentName),
      token: String(json.token),
      document: doc,
    });
    const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
    provider.attach();
    await synced;
    const editor = {
      provider,
      doc,
      upstreams,
      gate,
      destroy: () => {
        provider.destroy();
        websocketProvider.destroy();
      },
    };
    editors.push(editor);
    return editor;
  }

  /**
   * An editor nginx put on an instance `wanted` accepts. nginx sends each new connection to the instance with the
   * fewest (least_conn), so the unwanted ones stay open until one lands where wanted, then close.
   */
  async function openEditorWhere(
    session: ProxiedSession,
    documentId: string,
    wanted: (address: string) => boolean,
  ): Promise<Editor> {
    const unwanted: Editor[] = [];
    try {
      for (let attempt = 0; attempt < 9; attempt++) {
        const editor = await openEditor(session, documentId);
        if (wanted(servedBy(editor.upstreams.at(-1)))) return editor;
        unwanted.push(editor);
      }
      throw new Error('nginx put nine editors in a row on instances the test did not want');
    } finally {
      for (const editor of unwanted) editor.destroy();
    }
  }

  /** An editor nginx put on another instance than `other`'s. */
  function openEditorElsewhere(session: ProxiedSession, documentId: string, other: Editor): Promise<Editor> {
    return openEditorWhere(session, documentId, (address) => address !== servedBy(other.upstreams.at(-1)));
  }

  /** The live instance whose process the job's lease names (jobLease.ts: `<host>-<pid>-<random>`), or null. */
  async function leaseHolder(job: string): Promise<InstanceProcess | null> {
    const holder = await redis.get(`${redisPrefix}:job-lease:${job}`);
    const pid = holder ? /-(\d+)-[0-9a-f]+$/.exec(holder)?.[1] : undefined;
    return cluster.instances.find((i) => String(i.pid) === pid && i.exitStatus === null) ?? null;
  }

  /**
   * The instances' clock. They are this process's children and run on its clock: under `npm test -- --clock-at=…` the
   * run's moved clock (tests/support/shiftedClock.mjs, through NODE_OPTIONS and TONGBAN_TEST_CLOCK_*), the same in
   * each. Not a response's Date header: Node writes it from the unmoved clock, and nginx replaces it with its own.
   */
  function instancesNow(): Date {
    return new Date();
  }

  /** Supervision tasks due today (China, the instances' clock) raised through nginx: each owed due_1 at once. */
  async function tasksDueToday(supervisor: ProxiedSession, titles: string[]): Promise<string[]> {
    const today = shanghaiDateOf(instancesNow());
    const idOf = async (sql: string, value: string) =>
      String((await schema.pool.query<{ id: string }>(sql, [value])).rows[0]!.id);
    const instructedById = await idOf('SELECT id FROM "User" WHERE username = $1', 'chenming');
    const leadUnitId = await idOf('SELECT id FROM "Unit" WHERE name = $1', '区发展和改革委员会');
    const ids: string[] = [];
    for (const title of titles) {
      const created = await supervisor.call('POST', '/api/supervision/tasks', {
        title,
        basisType: 'leader_instruction',
        basisText: '请发改委今日报送进展。',
        instructedById,
        leadUnitId,
        requirement: '今日办结并报送',
        dueDate: today,
      });
      expect({ status: created.status, body: created.json }).toMatchObject({ status: 201 });
      ids.push(String(created.json.id));
    }
    return ids;
  }

  /** How many due_1 reminders each task has had (a task due today is owed exactly one, whatever the day's hour). */
  async function remindersOf(taskIds: string[]): Promise<Record<string, number>> {
    const { rows } = await schema.pool.query<{ taskId: string; n: string }>(
      `SELECT "taskId", count(*) AS n FROM "SupervisionReminder"
        WHERE "taskId" = ANY($1) AND kind = 'due_1' GROUP BY "taskId"`,
      [taskIds],
    );
    const counts = Object.fromEntries(taskIds.map((id) => [id, 0]));
    for (const row of rows) counts[row.taskId] = Number(row.n);
    return counts;
  }

  /** Resolves once every task has had its reminder; then each must have had exactly one. */
  async function remindedOnce(taskIds: string[], within: number): Promise<void> {
    const counts = await eventually(`reminders of ${taskIds.length} tasks`, within, async () => {
      const now = await remindersOf(taskIds);
      return Object.values(now).every((n) => n > 0) ? now : null;
    });
    expect(counts).toEqual(Object.fromEntries(taskIds.map((id) => [id, 1])));
  }

  async function signedIn(username: string): Promise<ProxiedSession> {
    const session = new ProxiedSession(cluster.url, ca);
    expect((await session.signIn(username)).status).toBe(200);
    return session;
  }

  async function newDraft(session: ProxiedSession, title: string): Promise<string> {
    const created = await session.call('POST', '/api/documents', { kind: 'draft', title });
    expect(created.status).toBe(201);
    return String(created.json.id);
  }

  it('answers /readyz through nginx over TLS from the instances, and refuses an oversized body as JSON', async () => {
    const seen = new Set<string>();
    for (let n = 0; n < 6; n++) {
      const res = await httpsGet(`${cluster.url}/readyz`, ca);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ status: 'ready' });
      seen.add(servedBy(String(res.headers['x-tongban-upstream'])));
    }
    expect(seen.size).toBeGreaterThan(1);
    for (const upstream of seen) expect(addresses()).toContain(upstream);

    // nginx's limit is the server's largest upload plus the multipart framing; past it nginx answers from the headers.
    const limit = bodyLimitMb(loadConfig());
    const refused = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = https.request(`${cluster.url}/api/documents`, {
        method: 'POST',
        ca,
        agent: false,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String((limit + 1) * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
  });

  it('converges two editors of one document that nginx put on different instances', async () => {
    const owner = await signedIn('zhangwei');
    const documentId = await newDraft(owner, '集群协同');
    const a = await openEditor(owner, documentId);
    const b = await openEditorElsewhere(owner, documentId, a);
    expect(addresses()).toContain(servedBy(a.upstreams[0]));
    expect(addresses()).toContain(servedBy(b.upstreams[0]));

    addLine(a.doc, '甲写于实例一');
    addLine(b.doc, '乙写于实例二');
    await Promise.all([acked(a.provider), acked(b.provider)]);
    const both = () => linesOf(a.doc).has('乙写于实例二') && linesOf(b.doc).has('甲写于实例一');
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!both()) return;
        a.doc.off('update', check);
        b.doc.off('update', check);
        resolve();
      };
      a.doc.on('update', check);
      b.doc.on('update', check);
      check();
    });
    expect(a.doc.getXmlFragment('default').toString()).toBe(b.doc.getXmlFragment('default').toString());
  });

  it("sends the editors of one document who open it at their token's address to one instance", async () => {
    const owner = await signedIn('zhangwei');
    const documentIds = [await newDraft(owner, '集群同文一'), await newDraft(owner, '集群同文二')];
    const instancesOf: string[][] = [];
    for (const documentId of documentIds) {
      const editors = [];
      for (let n = 0; n < 4; n++) editors.push(await openEditor(owner, documentId, 'token'));
      instancesOf.push(editors.map((e) => servedBy(e.upstreams.at(-1))));
      const marker = `首位编辑写于${documentId}`;
      addLine(editors[0]!.doc, marker);
      await acked(editors[0]!.provider);
      for (const e of editors) await waitFor(e.doc, () => linesOf(e.doc).has(marker), 10_000);
      for (const e of editors) e.destroy();
    }
    for (const at of instancesOf) {
      expect(addresses()).toContain(at[0]);
      expect(new Set(at).size).toBe(1);
    }
  });

  it('delivers notifications raised through each instance to a socket long-polling one of them through nginx', async () => {
    const reader = await signedIn('hejun');
    // Polling only: every poll of this connection must reach the instance holding its session (the sticky hash).
    const socket = connectSocket(cluster.url, {
      transports: ['polling'],
      extraHeaders: { cookie: reader.cookie },
      ca,
      reconnection: false,
    });
    sockets.push(socket);
    await nextEvent(socket, 'connect');
    const arrived = new Set<string>();
    const all = new Promise<void>((resolve) =>
      socket.on('notification:new', (n: { kind: string; params?: { document?: string } }) => {
        if (n.kind === 'comment.mention' && n.params?.document) arrived.add(n.params.document);
        if (arrived.size === cluster.instances.length) resolve();
      }),
    );

    // Raised through each instance directly: the socket lives on one of them, so at least two cross over.
    for (const instance of cluster.instances) {
      const author = new HttpSession(instance.url);
      expect((await author.signIn('zhangwei')).status).toBe(200);
      const found = await author.call('GET', '/api/users?q=何军');
      const hejun = (found.json.items as Array<{ id: string }>)[0]!.id;
      const title = `经实例${instance.index}提及`;
      const documentId = String((await author.call('POST', '/api/documents', { kind: 'draft', title })).json.id);
      const shared = await author.call('PUT', `/api/documents/${documentId}/shares`, {
        shares: [{ granteeType: 'user', granteeId: hejun, access: 'comment' }],
      });
      expect(shared.status).toBe(200);
      const thread = await author.call('POST', `/api/documents/${documentId}/threads`, {
        quote: '',
        body: '请看一下。',
        mentions: [hejun],
      });
      expect(thread.status).toBe(201);
    }
    await all;
    expect([...arrived].sort()).toEqual(cluster.instances.map((i) => `经实例${i.index}提及`).sort());
    expect(socket.io.engine.transport.name).toBe('polling');
  });

  it('keeps every acknowledged edit and fires each job once when the lease holder is killed mid-typing', async () => {
    // Tasks due before the kill: the instance holding the supervision job's lease sends their reminders.
    const supervisor = await signedIn('zhouqiang');
    const holder = await eventually('a holder of the supervision lease', 10_000, () => leaseHolder(SUPERVISION_JOB));
    const before = await tasksDueToday(supervisor, ['集群督办一', '集群督办二', '集群督办三']);
    await remindedOnce(before, 10_000);

    // b types on the lease holder, a on another instance.
    const owner = await signedIn('zhangwei');
    const documentId = await newDraft(owner, '断电切换');
    const a = await openEditorWhere(owner, documentId, (address) => address !== holder.address);
    const b = await openEditorWhere(owner, documentId, (address) => address === holder.address);
    const victim = holder;

    const ackedMarkers = new Set<string>();
    let stopTyping = false;
    const type = async (editor: Editor, name: string) => {
      for (let n = 0; !stopTyping; n++) {
        const marker = `${name}${n}`;
        addLine(editor.doc, marker);
        await acked(editor.provider);
        ackedMarkers.add(marker);
      }
    };
    const out = cluster.nextHealthChange();
    const typing = Promise.all([type(a, 'a'), type(b, 'b')]);
    // Kill b's instance while both type, once some of b's lines are in.
    await new Promise<void>((resolve) => {
      const check = () => {
        if ([...ackedMarkers].filter((m) => m.startsWith('b')).length < 20) return;
        b.provider.off('unsyncedChanges', check);
        resolve();
      };
      b.provider.on('unsyncedChanges', check);
    });
    b.gate.open = false;
    const ackedBeforeKill = new Set(ackedMarkers);
    expect(await leaseHolder(SUPERVISION_JOB)).toBe(victim);
    victim.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');

    // Before b resyncs its own copy, the log in PostgreSQL holds everything either editor saw acknowledged.
    const config = loadConfig({ dataDir, databaseUrl: schema.url });
    const store = openDocumentStore(config, loadKeys(config).atRest, systemClock, pino({ level: 'silent' }));
    try {
      const logged = new Y.Doc();
      Y.applyUpdate(logged, (await store.load(documentId)).state!);
      const lines = linesOf(logged);
      expect([...ackedBeforeKill].filter((m) => !lines.has(m))).toEqual([]);
    } finally {
      await store.close();
    }

    // b reconnects through nginx, which sends it to a live instance; both type on, then stop.
    const reconnections = b.upstreams.length;
    b.gate.open = true;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (b.upstreams.length > reconnections && !b.provider.hasUnsyncedChanges) {
          b.provider.off('unsyncedChanges', check);
          resolve();
        }
      };
      b.provider.on('unsyncedChanges', check);
    });
    expect(servedBy(b.upstreams.at(-1))).not.toBe(victim.address);
    const afterReconnect = ackedMarkers.size;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (ackedMarkers.size < afterReconnect + 20) return;
        a.provider.off('unsyncedChanges', check);
        resolve();
      };
      a.provider.on('unsyncedChanges', check);
    });
    stopTyping = true;
    await typing;

    // A reader who opens the document afresh through nginx finds every acknowledged line.
    const reader = await openEditor(owner, documentId);
    const lines = linesOf(reader.doc);
    expect([...ackedMarkers].filter((m) => !lines.has(m))).toEqual([]);
    expect(servedBy(reader.upstreams.at(-1))).not.toBe(victim.address);

    // The readiness watch took the dead instance out of nginx: no request is even tried on it any more.
    expect([...(await out)]).toEqual([victim.index]);
    for (let n = 0; n < 6; n++) {
      const res = await httpsGet(`${cluster.url}/readyz`, ca);
      expect(res.status).toBe(200);
      expect(String(res.headers['x-tongban-upstream'])).not.toContain(victim.address);
    }

    // Tasks due after the kill: another instance takes the lease over once the dead one's has run out (3 s) and sends
    // their reminders; none of the earlier ones is sent again.
    const after = await tasksDueToday(supervisor, ['集群督办四', '集群督办五', '集群督办六']);
    // leaseHolder names live instances only: while the key still names the dead one, it answers null.
    await eventually('a live holder of the supervision lease', 10_000, () => leaseHolder(SUPERVISION_JOB));
    await remindedOnce([...before, ...after], 10_000);
  }, 90_000);

  /** Where nginx sends a socket.io connection with this cookie (and query): the instance answering its first poll. */
  async function socketInstance(cookie: string, query = ''): Promise<string> {
    const res = await httpsGet(`${cluster.url}/socket.io/?EIO=4&transport=polling${query}`, ca, { cookie });
    expect(res.status).toBe(200);
    return servedBy(String(res.headers['x-tongban-upstream']));
  }

  it("routes a meeting's signalling to one instance; both participants rejoin on another when it is killed", async () => {
    // The previous test killed one instance: two are left, the meeting's and one to take it over.
    const organiser = await signedIn('zhaojing');
    const idOf = async (name: string) =>
      (
        (await organiser.call('GET', `/api/users?q=${encodeURIComponent(name)}`)).json.items as Array<{
          id: string;
          displayName: string;
        }>
      ).find((u) => u.displayName === name)!.id;
    // Times from the instances' clock, never the test's own.
    const now = instancesNow();
    const created = await organiser.call('POST', '/api/meetings', {
      title: '集群线上调度会',
      type: 'zhuanti',
      mode: 'online',
      hostId: await idOf('赵静'),
      startAt: new Date(now.getTime() + 5 * 60_000).toISOString(),
      endAt: new Date(now.getTime() + 65 * 60_000).toISOString(),
      participants: {
        users: [
          { userId: await idOf('张伟'), role: 'attendee' },
          { userId: await idOf('何军'), role: 'attendee' },
        ],
        units: [],
      },
      acceptClashes: true,
    });
    expect(created.status).toBe(201);
    const meetingId = String(created.json.id);

    // Two participants whose ordinary connections nginx puts on different instances (it hashes the session cookie).
    const zhang = await signedIn('zhangwei');
    const zhangAt = await socketInstance(zhang.cookie);
    let he = await signedIn('hejun');
    for (let attempt = 0; (await socketInstance(he.cookie)) === zhangAt; attempt++) {
      expect(attempt).toBeLessThan(12);
      he = await signedIn('hejun');
    }
    for (const session of [zhang, he]) {
      const socket = connectSocket(cluster.url, {
        transports: ['websocket'],
        extraHeaders: { cookie: session.cookie },
        ca,
      });
      sockets.push(socket);
      await nextEvent(socket, 'connect');
    }
    const zhangId = await idOf('张伟');
    const heId = await idOf('何军');

    // Their meeting connections both reach the meeting's instance: the second join finds the first one in.
    const meetingAt = await socketInstance(zhang.cookie, `&${MEETING_QUERY}=${meetingId}`);
    expect(await socketInstance(he.cookie, `&${MEETING_QUERY}=${meetingId}`)).toBe(meetingAt);
    const a = new MeetingParticipant(cluster.url, ca, zhang.cookie, meetingId);
    participants.push(a);
    await a.until(() => a.joins === 1);
    const b = new MeetingParticipant(cluster.url, ca, he.cookie, meetingId);
    participants.push(b);
    await b.until(() => b.joins === 1);
    expect([...b.others.values()]).toEqual([zhangId]);
    await a.until(() => a.sees(heId));

    // The meeting's instance dies: both connections drop, socket.io reconnects through nginx, and each joins again.
    const victim = cluster.instances.find((i) => i.address === meetingAt)!;
    const killedAt = performance.now();
    victim.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    await Promise.all([a.until(() => a.joins === 2 && a.sees(heId)), b.until(() => b.joins === 2 && b.sees(zhangId))]);
    const resumedAfterMs = performance.now() - killedAt;
    expect(resumedAfterMs).toBeLessThan(15_000);
    const takenOverAt = await socketInstance(zhang.cookie, `&${MEETING_QUERY}=${meetingId}`);
    expect(takenOverAt).not.toBe(victim.address);
    expect(cluster.instances.map((i) => i.address)).toContain(takenOverAt);
  }, 90_000);
});
