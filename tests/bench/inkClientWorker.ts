// A client process of the ink benchmark: hosts headless HocuspocusProviders on the shared ink layer of a material
// (one WebSocket each, like tablets), draws pen strokes on a schedule, and timestamps every remote stroke when it is
// integrated AND its points are decoded (ready to paint) in each provider. Also measures loading a page from scratch.
// Driven over IPC by tests/bench/ink.ts:  node --import tsx tests/bench/inkClientWorker.ts
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { decodePoints, encodePoints, strokesMap, strokesOnPage, type InkStroke } from '../../common/schema/inkModel.ts';
import { LatencyHistogram, wallMs } from './collabBenchProtocol.ts';
import {
  parseStrokeId,
  penStroke,
  rng,
  strokeId,
  type DrawProvider,
  type FromClient,
  type LoadResult,
  type ToClient,
} from './inkBenchProtocol.ts';
import { withTimeout } from './benchProcess.ts';

const SYNC_TIMEOUT_MS = 120_000;
const CONNECT_CONCURRENCY = 10;
/** A tick this late is counted: the client process, not the server, was the bottleneck. */
const LATE_TICK_MS = 20;
/** Strokes are drawn from a small pool of pre-encoded shapes: encoding is the drawing tablet's cost, not the server's. */
const SHAPES = 16;
const PAGE = '1';

function send(message: FromClient): void {
  process.send?.(message);
}

interface Tablet {
  spec: DrawProvider;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  sent: number;
  seen: Set<string>;
  closing: boolean;
}

let tablets: Tablet[] = [];
let kept: Array<{ provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket }> = [];
let epochMs = 0;
let measureFromMs = Number.POSITIVE_INFINITY;
let histogram = new LatencyHistogram();
let perStroke = new Map<string, [number, number]>();
let refused = 0;
let cpuUsWindow = 0;
let onObserved: (() => void) | null = null;

function observe(tablet: Tablet, event: Y.YMapEvent<InkStroke>): void {
  for (const [id, change] of event.changes.keys) {
    if (change.action !== 'add') continue;
    const parsed = parseStrokeId(id, epochMs);
    if (!parsed || parsed.gid === tablet.spec.gid || tablet.seen.has(id)) continue;
    // What a tablet does before it can paint the stroke: read the value and decode its points.
    const stroke = strokesMap(tablet.doc).get(id);
    if (!stroke || !decodePoints(stroke.points)) continue;
    const latency = wallMs() - parsed.sentMs;
    tablet.seen.add(id);
    if (parsed.sentMs < measureFromMs) continue;
    histogram.add(latency);
    const entry = perStroke.get(id);
    if (entry) {
      entry[0]++;
      if (latency > entry[1]) entry[1] = latency;
    } else perStroke.set(id, [1, latency]);
  }
  onObserved?.();
}

function openProvider(url: string, documentName: string, token: string, doc: Y.Doc) {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentName, token, document: doc });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
      reject(new Error(`authentication failed: ${reason}`)),
    );
  });
  provider.attach();
  return { provider, socket, synced };
}

async function connectOne(url: string, spec: DrawProvider): Promise<Tablet> {
  const doc = new Y.Doc();
  const { provider, socket, synced } = openProvider(url, spec.documentName, spec.token, doc);
  const tablet: Tablet = { spec, doc, provider, socket, sent: 0, seen: new Set(), closing: false };
  strokesMap(doc).observe((event, tr) => {
    if (!tr.local) observe(tablet, event);
  });
  provider.on('close', ({ event }: { event: { reason: string } }) => {
    if (!tablet.closing && event.reason.startsWith('44')) {
      refused++;
      process.stderr.write(`tablet ${spec.gid} refused: ${event.reason}\n`);
    }
  });
  await withTimeout(synced, SYNC_TIMEOUT_MS, 'sync');
  return tablet;
}

async function connect(message: Extract<ToClient, { type: 'connect' }>): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < message.providers.length; i += CONNECT_CONCURRENCY) {
    tablets.push(
      ...(await Promise.all(
        message.providers.slice(i, i + CONNECT_CONCURRENCY).map((p) => connectOne(message.url, p)),
      )),
    );
  }
  send({ type: 'connected', providers: tablets.length, connectMs: performance.now() - started });
}

async function draw(message: Extract<ToClient, { type: 'draw' }>): Promise<void> {
  epochMs = message.epochMs;
  measureFromMs = message.startAtMs + message.warmupMs;
  histogram = new LatencyHistogram();
  perStroke = new Map();
  const random = rng(process.pid);
  const shapes = Array.from({ length: SHAPES }, () => encodePoints(penStroke(random, message.points)));
  const endMs = message.startAtMs + message.durationMs;
  let lateTicks = 0;
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    tablets.map(
      (tablet) =>
        new Promise<void>((resolve) => {
          // Each participant starts at a random phase of the period, as people do not draw in step.
          let due = message.startAtMs + random() * message.periodMs;
          const tick = () => {
            const now = wallMs();
            if (now - due > LATE_TICK_MS) lateTicks++;
            const id = strokeId(tablet.spec.gid, tablet.sent, wallMs(), epochMs);
            const stroke: InkStroke = {
              id,
              page: PAGE,
              tool: 'pen',
              color: '#1d39c4',
              width: 2,
              points: shapes[tablet.sent % SHAPES]!,
              author: tablet.spec.userId,
              at: Date.now(),
            };
            tablet.sent++;
            tablet.doc.transact(() => strokesMap(tablet.doc).set(id, stroke));
            due += message.periodMs;
            if (due >= endMs) return resolve();
            setTimeout(tick, Math.max(0, due - wallMs()));
          };
          setTimeout(tick, Math.max(0, due - wallMs()));
        }),
    ),
  );
  const cpu = process.cpuUsage(cpuBefore);
  cpuUsWindow = cpu.user + cpu.system;
  send({ type: 'drawn', sent: tablets.map((t) => [t.spec.gid, t.sent]), lateTicks });
}

async function drain(message: Extract<ToClient, { type: 'drain' }>): Promise<void> {
  const total = message.sent.reduce((n, [, count]) => n + count, 0);
  const expected = tablets.reduce(
    (n, t) => n + total - (message.sent.find(([gid]) => gid === t.spec.gid)?.[1] ?? 0),
    0,
  );
  const observedNow = () => tablets.reduce((n, t) => n + t.seen.size, 0);
  if (observedNow() < expected) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        onObserved = null;
        resolve();
      }, message.timeoutMs);
      onObserved = () => {
        if (observedNow() >= expected) {
          clearTimeout(timer);
          onObserved = null;
          resolve();
        }
      };
    });
  }
  send({
    type: 'report',
    report: {
      histogram: histogram.toData(),
      perStroke: [...perStroke.entries()].map(([id, [n, max]]) => [id, n, max]),
      expected,
      observed: observedNow(),
      refused,
      cpuUs: cpuUsWindow,
    },
  });
}

/** A tablet opening the page: connect, sync, list the page's strokes and decode every one of them. */
async function load(message: Extract<ToClient, { type: 'load' }>): Promise<void> {
  const started = wallMs();
  const doc = new Y.Doc();
  const { provider, socket, synced } = openProvider(message.url, message.documentName, message.token, doc);
  await withTimeout(synced, SYNC_TIMEOUT_MS, 'load sync');
  const syncedAt = wallMs();
  const strokes = strokesOnPage(doc, message.page);
  let points = 0;
  for (const stroke of strokes) points += decodePoints(stroke.points)?.length ?? 0;
  const done = wallMs();
  if (points === 0 && strokes.length > 0) throw new Error('no points decoded');
  const result: LoadResult = {
    totalMs: done - started,
    syncMs: syncedAt - started,
    buildMs: done - syncedAt,
    strokes: strokes.length,
  };
  if (message.keep) kept.push({ provider, socket });
  else {
    provider.destroy();
    socket.destroy();
    doc.destroy();
  }
  send({ type: 'loaded', result });
}

function disconnect(): void {
  for (const tablet of tablets) {
    tablet.closing = true;
    tablet.provider.destroy();
    tablet.socket.destroy();
    tablet.doc.destroy();
  }
  for (const k of kept) {
    k.provider.destroy();
    k.socket.destroy();
  }
  tablets = [];
  kept = [];
  send({ type: 'disconnected' });
}

process.on('disconnect', () => process.exit(0));
process.on('message', (raw: ToClient) => {
  const handle = async (): Promise<void> => {
    switch (raw.type) {
      case 'connect':
        return connect(raw);
      case 'draw':
        return draw(raw);
      case 'drain':
        return drain(raw);
      case 'load':
        return load(raw);
      case 'disconnect':
        return disconnect();
      case 'exit':
        disconnect();
        if (process.connected) process.disconnect();
        process.exit(0);
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
send({ type: 'ready', pid: process.pid });
