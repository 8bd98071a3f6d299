// A client process of the collab benchmark: hosts many headless HocuspocusProviders (one WebSocket each, like browser
// tabs), types on a schedule, and timestamps every remote edit when it is integrated into each provider's document.
// Driven over IPC by tests/bench/collab.ts:  node --import tsx tests/bench/collabClientWorker.ts
import type { IncomingMessage } from 'node:http';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  editMarker,
  LatencyHistogram,
  parseMarkers,
  wallMs,
  type ClientReport,
  type FromClient,
  type ParsedMarker,
  type ProviderSpec,
  type SentCount,
  type ToClient,
} from './collabBenchProtocol.ts';
import { withTimeout } from './benchProcess.ts';

const SYNC_TIMEOUT_MS = 60_000;
const SETUP_TIMEOUT_MS = 30_000;
/** A tick this late is counted: it means the client process, not the server, was the bottleneck. */
const LATE_TICK_MS = 20;
const DOCUMENT_FIELD = 'default';

function send(message: FromClient): void {
  process.send?.(message);
}

interface Peer {
  spec: ProviderSpec;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** The typer's own paragraph text, where its edits are appended. */
  text: Y.XmlText | null;
  sent: number;
  /** Keys (gid * 2^20 + seq) of the remote edits this provider has integrated. */
  seen: Set<number>;
  synced: boolean;
  /** Set before the benchmark itself closes the provider, so that close is not counted as a disconnect. */
  closing: boolean;
  /** The instance behind nginx its WebSocket landed on, when the server says (the cluster). */
  landed: { upstream: string | null };
}

const SEQ_SPACE = 2 ** 20;

let peers: Peer[] = [];
let epochMs = 0;
let measureFromMs = Number.POSITIVE_INFINITY;
let histogram = new LatencyHistogram();
let perEdit = new Map<number, [number, number]>();
let duplicates = 0;
let disconnects = 0;
let onObserved: (() => void) | null = null;
let teardownErrors = 0;
let cpuUsWindow = 0;
let windowMs = 0;
const markers: ParsedMarker[] = [];

function observe(peer: Peer, update: Uint8Array): void {
  const now = wallMs();
  // Markers are ASCII and Yjs writes strings verbatim (UTF-8) into a v1 update, so scanning the raw bytes finds exactly
  // the edits this transaction integrated, without decoding every update in every provider.
  markers.length = 0;
  parseMarkers(Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1'), epochMs, markers);
  for (const m of markers) {
    if (m.gid === peer.spec.gid) continue;
    const key = m.gid * SEQ_SPACE + m.seq;
    if (peer.seen.has(key)) {
      duplicates++;
      continue;
    }
    peer.seen.add(key);
    if (m.sentMs < measureFromMs) continue;
    const latency = now - m.sentMs;
    histogram.add(latency);
    const entry = perEdit.get(key);
    if (entry) {
      entry[0]++;
      if (latency > entry[1]) entry[1] = latency;
    } else {
      perEdit.set(key, [1, latency]);
    }
  }
  if (markers.length > 0) onObserved?.();
}

/**
 * A WebSocket class that trusts `ca` (a cluster's self-signed certificate) besides the usual roots, and notes the
 * instance nginx sent it to (the last address of X-Tongban-Upstream; the earlier ones refused it).
 */
function trusting(
  ca: string | null,
  peer: { upstream: string | null },
): new (address: string, protocols?: string | string[]) => WebSocket {
  if (ca === null) return WebSocket;
  const roots: string = ca;
  return class TrustingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { ca: roots });
      this.once('upgrade', (res: IncomingMessage) => {
        const header = res.headers['x-tongban-upstream'];
        if (typeof header === 'string') peer.upstream = header.split(', ').at(-1)!;
      });
    }
  };
}

async function connectOne(spec: ProviderSpec, ca: string | null): Promise<Peer> {
  const doc = new Y.Doc();
  const landed = { upstream: null as string | null };
  const socket = new HocuspocusProviderWebsocket({
    url: spec.url,
    WebSocketPolyfill: trusting(ca, landed),
    maxAttempts: 1,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: spec.documentName,
    token: spec.token,
    document: doc,
  });
  const peer: Peer = {
    spec,
    doc,
    provider,
    socket,
    text: null,
    sent: 0,
    seen: new Set(),
    synced: false,
    closing: false,
    landed,
  };
  doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (!tr.local) observe(peer, update);
  });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('synced', () => {
      peer.synced = true;
      resolve();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
      reject(new Error(`authentication failed: ${reason}`)),
    );
    provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
      if (peer.synced && !peer.closing) disconnects++;
      else reject(new Error(`closed before sync: ${event.code} ${event.reason}`));
    });
  });
  provider.attach();
  try {
    await withTimeout(synced, SYNC_TIMEOUT_MS, 'sync');
  } catch (err) {
    provider.destroy();
    socket.destroy();
    throw err;
  }
  return peer;
}

/** Typers add their own empty paragraph (as the editor would on Enter); resolves when every provider has them all. */
async function setUpParagraphs(typersPerDocument: Record<number, number>): Promise<void> {
  for (const peer of peers) {
    if (!peer.spec.typer) continue;
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    const fragment = peer.doc.getXmlFragment(DOCUMENT_FIELD);
    peer.doc.transact(() => fragment.insert(fragment.length, [paragraph]));
    peer.text = text;
  }
  await withTimeout(
    Promise.all(
      peers.map(
        (peer) =>
          new Promise<void>((resolve) => {
            const fragment = peer.doc.getXmlFragment(DOCUMENT_FIELD);
            const want = typersPerDocument[peer.spec.document] ?? 0;
            if (fragment.length >= want) return resolve();
            const check = () => {
              if (fragment.length >= want) {
                peer.doc.off('update', check);
                resolve();
              }
            };
            peer.doc.on('update', check);
          }),
      ),
    ),
    SETUP_TIMEOUT_MS,
    'paragraph set-up',
  );
}

async function connect(message: Extract<ToClient, { type: 'connect' }>): Promise<void> {
  const started = performance.now();
  let failed = 0;
  let firstError: string | null = null;
  for (let i = 0; i < message.providers.length; i += message.concurrency) {
    const batch = message.providers.slice(i, i + message.concurrency);
    const results = await Promise.allSettled(batch.map((spec) => connectOne(spec, message.ca)));
    for (const r of results) {
      if (r.status === 'fulfilled') peers.push(r.value);
      else {
        failed++;
        firstError ??= r.reason instanceof Error ? r.reason.message : String(r.reason);
      }
    }
  }
  if (failed === 0) await setUpParagraphs(message.typersPerDocument);
  send({ type: 'connected', providers: peers.length, failed, firstError, connectMs: performance.now() - started });
}

async function type(message: Extract<ToClient, { type: 'type' }>): Promise<void> {
  epochMs = message.epochMs;
  measureFromMs = message.startAtMs + message.warmupMs;
  histogram = new LatencyHistogram();
  perEdit = new Map();
  duplicates = 0;
  const periodMs = 1000 / message.editsPerSecond;
  const endMs = message.startAtMs + message.durationMs;
  let lateTicks = 0;
  const cpuBefore = process.cpuUsage();
  const typers = peers.filter((p) => p.spec.typer);
  await Promise.all(
    typers.map(
      (peer) =>
        new Promise<void>((resolve) => {
          // Each typer starts at a random phase of its period so the edits do not arrive in bursts.
          let due = message.startAtMs + Math.random() * periodMs;
          const tick = () => {
            const now = wallMs();
            if (now - due > LATE_TICK_MS) lateTicks++;
            const text = peer.text!;
            const marker = editMarker(peer.spec.gid, peer.sent, wallMs(), epochMs);
            peer.sent++;
            peer.doc.transact(() => text.insert(text.length, marker));
            due += periodMs;
            if (due >= endMs) return resolve();
            setTimeout(tick, Math.max(0, due - wallMs()));
          };
          setTimeout(tick, Math.max(0, due - wallMs()));
        }),
    ),
  );
  const cpu = process.cpuUsage(cpuBefore);
  cpuUsWindow = cpu.user + cpu.system;
  windowMs = wallMs() - message.startAtMs;
  const sent: SentCount[] = typers.map((p) => ({ gid: p.spec.gid, document: p.spec.document, count: p.sent }));
  send({ type: 'typed', sent, lateTicks });
}

async function drain(message: Extract<ToClient, { type: 'drain' }>): Promise<void> {
  const sentByDocument = new Map<number, SentCount[]>();
  for (const s of message.sent) sentByDocument.set(s.document, [...(sentByDocument.get(s.document) ?? []), s]);
  const expectedOf = (peer: Peer) =>
    (sentByDocument.get(peer.spec.document) ?? []).reduce((n, s) => n + (s.gid === peer.spec.gid ? 0 : s.count), 0);
  const expected = peers.reduce((n, p) => n + expectedOf(p), 0);
  const observedNow = () => peers.reduce((n, p) => n + p.seen.size, 0);
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
  const report: ClientReport = {
    histogram: histogram.toData(),
    perEdit: [...perEdit.entries()].map(([key, [count, max]]) => [
      `${Math.floor(key / SEQ_SPACE)}.${key % SEQ_SPACE}`,
      count,
      max,
    ]),
    expected,
    observed: observedNow(),
    duplicates,
    disconnects,
    cpuUs: cpuUsWindow,
    windowMs,
    upstreams: peers.flatMap((p): Array<[number, string]> =>
      p.landed.upstream === null ? [] : [[p.spec.document, p.landed.upstream]],
    ),
  };
  send({ type: 'report', report });
}

function disconnect(): void {
  for (const peer of peers) {
    peer.closing = true;
    // A provider that is reconnecting has a socket still opening; closing it makes ws emit an error that nobody else
    // listens to. It is expected here, so it is counted instead of crashing the process.
    const raw = peer.socket.webSocket as unknown as {
      on?: (event: 'error', listener: (err: Error) => void) => void;
    } | null;
    raw?.on?.('error', () => {
      teardownErrors++;
    });
    peer.provider.destroy();
    peer.socket.destroy();
    peer.doc.destroy();
  }
  peers = [];
  disconnects = 0;
  send({ type: 'disconnected' });
}

process.on('disconnect', () => process.exit(0));
process.on('message', (raw: ToClient) => {
  const handle = async (): Promise<void> => {
    switch (raw.type) {
      case 'connect':
        return connect(raw);
      case 'type':
        return type(raw);
      case 'drain':
        return drain(raw);
      case 'disconnect':
        return disconnect();
      case 'exit':
        disconnect();
        if (teardownErrors > 0)
          process.stderr.write(`client ${process.pid}: ${teardownErrors} sockets errored while closing\n`);
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
