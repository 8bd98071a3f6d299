// One phase of a collab benchmark — one load against one server, driven from the client processes — and its report:
// shared by bench:collab (Tongban against bare Hocuspocus) and bench:cluster (one instance on SQLite, on PostgreSQL,
// and several behind nginx, each against the same bare baseline).
import os from 'node:os';
import type { Child } from './benchProcess.ts';
import {
  LatencyHistogram,
  parseMarkers,
  wallMs,
  type ClientReport,
  type FromClient,
  type FromServer,
  type LoadSpec,
  type ParsedMarker,
  type ProcessStats,
  type ProviderSpec,
  type SentCount,
  type ToClient,
  type ToServer,
} from './collabBenchProtocol.ts';

const CONNECT_CONCURRENCY = 20;
const WARMUP_MS = 2_000;
const START_DELAY_MS = 1_000;
const DRAIN_TIMEOUT_MS = 15_000;
const IPC_TIMEOUT_MS = 180_000;
/** How long the stored documents may take to hold every edit once the providers are gone (the last group commits). */
const STORED_TIMEOUT_MS = 15_000;

export type ServerChild = Child<ToServer, FromServer>;
export type ClientChild = Child<ToClient, FromClient>;

export interface PhaseResult {
  load: string;
  server: string;
  round: number;
  sent: number;
  expected: number;
  observed: number;
  lost: number;
  /** Edits sent but missing from the stored documents after the phase; null where nothing is stored (bare). */
  storedLost: number | null;
  duplicates: number;
  disconnects: number;
  perDelivery: LatencyHistogram;
  allReceivers: LatencyHistogram;
  serverCpuMs: number;
  /** CPU over the window of the processes serving beside the server's own (instances, PostgreSQL, Redis, nginx). */
  partsCpuMs: Record<string, number>;
  windowMs: number;
  peakRssBytes: number;
  loopDelayP99Ms: number;
  clientCpuMs: number;
  lateTicks: number;
  load1: number;
  /** Providers per instance behind the cluster's nginx (by upstream address); empty for a single server. */
  providersPerUpstream: Record<string, number>;
  /** Documents whose providers nginx spread over more than one instance, of `documents`. */
  splitDocuments: number;
  documents: number;
  error: string | null;
}

export function emptyResult(load: string, server: string, round: number): PhaseResult {
  return {
    load,
    server,
    round,
    sent: 0,
    expected: 0,
    observed: 0,
    lost: 0,
    storedLost: null,
    duplicates: 0,
    disconnects: 0,
    perDelivery: new LatencyHistogram(),
    allReceivers: new LatencyHistogram(),
    serverCpuMs: 0,
    partsCpuMs: {},
    windowMs: 0,
    peakRssBytes: 0,
    loopDelayP99Ms: 0,
    clientCpuMs: 0,
    lateTicks: 0,
    load1: os.loadavg()[0]!,
    providersPerUpstream: {},
    splitDocuments: 0,
    documents: 0,
    error: null,
  };
}

function cpuMs(a: ProcessStats, b: ProcessStats): number {
  return (b.cpuUserUs + b.cpuSystemUs - a.cpuUserUs - a.cpuSystemUs) / 1000;
}

function waitUntil(atMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, atMs - wallMs())));
}

export interface PhaseOptions {
  /** The server's name in the report. */
  label: string;
  server: ServerChild;
  clients: ClientChild[];
  load: LoadSpec;
  round: number;
  durationMs: number;
  /** The certificate a wss:// URL's server presents (the cluster's nginx), for the providers to trust. */
  ca?: string | null;
  /** CPU µs of processes the orchestrator watches itself (PostgreSQL, Redis), read at both ends of the window. */
  sampleParts?: () => Array<[string, number]>;
  /** Check the stored documents for every sent edit after the phase (servers that store). */
  checkStored?: boolean;
}

/** Edits of `sent` missing from `stored` ([gid, distinct sequence numbers stored]); sequence numbers run from 0. */
export function missingEdits(sent: readonly SentCount[], stored: ReadonlyArray<[number, number]>): number {
  const have = new Map(stored);
  return sent.reduce((n, s) => n + Math.max(0, s.count - (have.get(s.gid) ?? 0)), 0);
}

/** [gid, distinct sequence numbers] of the edit markers in a document's text. */
export function markerCounts(text: string): Array<[number, number]> {
  const markers: ParsedMarker[] = [];
  parseMarkers(text, 0, markers);
  const seqs = new Map<number, Set<number>>();
  for (const m of markers) {
    const s = seqs.get(m.gid) ?? new Set<number>();
    s.add(m.seq);
    seqs.set(m.gid, s);
  }
  return [...seqs.entries()].map(([gid, s]) => [gid, s.size]);
}

export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const { label, server, clients, load, round, durationMs } = options;
  const result = emptyResult(load.name, label, round);
  const phase = `${load.name}-r${round}`;
  const { documents } = await server.request(
    { type: 'prepare', phase, documents: load.documents, providersPerDocument: load.providersPerDocument },
    'prepared',
  );

  // Provider i goes to client i % 2, so typers and watchers of every document are spread over both processes.
  const specs: ProviderSpec[][] = clients.map(() => []);
  const typersPerDocument: Record<number, number> = {};
  let gid = 0;
  documents.forEach((d, document) => {
    typersPerDocument[document] = load.typersPerDocument;
    d.tokens.forEach((token, p) => {
      specs[gid % clients.length]!.push({
        gid,
        document,
        url: d.url,
        documentName: d.documentName,
        token,
        typer: p < load.typersPerDocument,
      });
      gid++;
    });
  });

  let sent: SentCount[] = [];
  try {
    const connected = await Promise.all(
      clients.map((c, i) =>
        c.request(
          {
            type: 'connect',
            providers: specs[i]!,
            typersPerDocument,
            concurrency: CONNECT_CONCURRENCY,
            ca: options.ca ?? null,
          },
          'connected',
        ),
      ),
    );
    const failed = connected.reduce((n, c) => n + c.failed, 0);
    if (failed > 0)
      throw new Error(`${failed} providers failed to connect: ${connected.find((c) => c.firstError)?.firstError}`);

    const startAtMs = wallMs() + START_DELAY_MS;
    const epochMs = startAtMs - START_DELAY_MS;
    const typed = Promise.all(
      clients.map((c) =>
        c.request(
          { type: 'type', startAtMs, durationMs, warmupMs: WARMUP_MS, editsPerSecond: load.editsPerSecond, epochMs },
          'typed',
          durationMs + IPC_TIMEOUT_MS,
        ),
      ),
    );
    await waitUntil(startAtMs);
    const partsBefore = options.sampleParts?.() ?? [];
    const before = (await server.request({ type: 'stats', resetPeak: true }, 'stats')).stats;
    const done = await typed;
    const after = (await server.request({ type: 'stats', resetPeak: false }, 'stats')).stats;
    const partsAfter = options.sampleParts?.() ?? [];
    result.serverCpuMs = cpuMs(before, after);
    const startOf = new Map([...before.parts, ...partsBefore]);
    for (const [name, us] of [...after.parts, ...partsAfter])
      result.partsCpuMs[name] = (us - (startOf.get(name) ?? us)) / 1000;
    result.windowMs = after.atMs - before.atMs;
    result.peakRssBytes = after.peakRssBytes;
    result.loopDelayP99Ms = after.loopDelayP99Ms;
    result.lateTicks = done.reduce((n, d) => n + d.lateTicks, 0);

    sent = done.flatMap((d) => d.sent);
    result.sent = sent.reduce((n, s) => n + s.count, 0);
    const reports: ClientReport[] = (
      await Promise.all(
        clients.map((c) =>
          c.request(
            { type: 'drain', sent, providersPerDocument: load.providersPerDocument, timeoutMs: DRAIN_TIMEOUT_MS },
            'report',
            DRAIN_TIMEOUT_MS + IPC_TIMEOUT_MS,
          ),
        ),
      )
    ).map((r) => r.report);
    const perEdit = new Map<string, [number, number]>();
    const upstreamsOf = new Map<number, Set<string>>();
    for (const [document, upstream] of reports.flatMap((r) => r.upstreams)) {
      result.providersPerUpstream[upstream] = (result.providersPerUpstream[upstream] ?? 0) + 1;
      upstreamsOf.set(document, (upstreamsOf.get(document) ?? new Set()).add(upstream));
    }
    result.documents = documents.length;
    result.splitDocuments = [...upstreamsOf.values()].filter((u) => u.size > 1).length;
    for (const r of reports) {
      result.perDelivery.merge(r.histogram);
      result.expected += r.expected;
      result.observed += r.observed;
      result.duplicates += r.duplicates;
      result.disconnects += r.disconnects;
      result.clientCpuMs += r.cpuUs / 1000;
      for (const [key, count, max] of r.perEdit) {
        const e = perEdit.get(key);
        if (e) {
          e[0] += count;
          e[1] = Math.max(e[1], max);
        } else perEdit.set(key, [count, max]);
      }
    }
    result.lost = result.expected - result.observed;
    for (const [count, max] of perEdit.values())
      if (count === load.providersPerDocument - 1) result.allReceivers.add(max);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  // A phase that failed must not take the next ones with it: tear down what is left (main stops if a process died).
  try {
    await Promise.all(clients.map((c) => c.request({ type: 'disconnect' }, 'disconnected')));
    const settled = await server.request({ type: 'settle' }, 'settled');
    if (settled.openDocuments > 0)
      process.stderr.write(`${label}: ${settled.openDocuments} documents still open after the phase\n`);
    if (options.checkStored && sent.length > 0) {
      // The last group commits may still be on their way (an instance logs an update as it broadcasts it): wait a
      // little for them before counting what is missing.
      const names = documents.map((d) => d.documentName);
      const deadline = wallMs() + STORED_TIMEOUT_MS;
      for (;;) {
        const { counts } = await server.request({ type: 'stored', documents: names }, 'stored');
        result.storedLost = counts === null ? null : missingEdits(sent, counts);
        if (!result.storedLost || wallMs() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } catch (err) {
    result.error ??= `teardown: ${err instanceof Error ? err.message : String(err)}`;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Report

export function mergeResults(results: PhaseResult[]): PhaseResult {
  const m = emptyResult(results[0]!.load, results[0]!.server, 0);
  m.load1 = Math.max(...results.map((r) => r.load1));
  for (const r of results) {
    m.sent += r.sent;
    m.expected += r.expected;
    m.observed += r.observed;
    m.lost += r.lost;
    if (r.storedLost !== null) m.storedLost = (m.storedLost ?? 0) + r.storedLost;
    m.duplicates += r.duplicates;
    m.disconnects += r.disconnects;
    m.perDelivery.merge(r.perDelivery.toData());
    m.allReceivers.merge(r.allReceivers.toData());
    m.serverCpuMs += r.serverCpuMs;
    for (const [name, ms] of Object.entries(r.partsCpuMs)) m.partsCpuMs[name] = (m.partsCpuMs[name] ?? 0) + ms;
    m.windowMs += r.windowMs;
    m.peakRssBytes = Math.max(m.peakRssBytes, r.peakRssBytes);
    m.loopDelayP99Ms = Math.max(m.loopDelayP99Ms, r.loopDelayP99Ms);
    m.clientCpuMs += r.clientCpuMs;
    m.lateTicks += r.lateTicks;
    for (const [upstream, n] of Object.entries(r.providersPerUpstream))
      m.providersPerUpstream[upstream] = (m.providersPerUpstream[upstream] ?? 0) + n;
    m.splitDocuments += r.splitDocuments;
    m.documents += r.documents;
    m.error ??= r.error;
  }
  return m;
}

export const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
export const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
export const pctOfWindow = (r: PhaseResult, ms: number) => (r.windowMs > 0 ? (100 * ms) / r.windowMs : Number.NaN);
export const cpuPct = (r: PhaseResult) => pctOfWindow(r, r.serverCpuMs);
export const clientPct = (r: PhaseResult) => pctOfWindow(r, r.clientCpuMs);

/** Columns padded to their widest cell: the first `leftColumns` left-aligned, the rest right-aligned. */
export function formatTable(header: string[], lines: string[][], leftColumns: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

/** bench:collab's table: one row per phase (or merged phases). */
export function table(rows: PhaseResult[]): string {
  const header = [
    'load',
    'server',
    'round',
    'edits',
    'deliveries',
    'lost',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'all p95',
    'all p99',
    'srv CPU%',
    'srv RSS MB',
    'srv loop p99',
    'cli CPU%',
    'late',
    'disc',
    'load1',
  ];
  const lines = rows.map((r) =>
    [
      r.load,
      r.server,
      r.round === 0 ? 'all' : String(r.round),
      String(r.sent),
      String(r.expected),
      String(r.lost),
      f2(r.perDelivery.quantile(0.5)),
      f2(r.perDelivery.quantile(0.95)),
      f2(r.perDelivery.quantile(0.99)),
      f1(r.perDelivery.maxMs),
      f2(r.allReceivers.quantile(0.95)),
      f2(r.allReceivers.quantile(0.99)),
      f1(cpuPct(r)),
      f1(r.peakRssBytes / 1048576),
      f1(r.loopDelayP99Ms),
      f1(clientPct(r)),
      String(r.lateTicks),
      String(r.disconnects),
      f2(r.load1),
    ].concat(r.error ? [`ERROR: ${r.error}`] : []),
  );
  return formatTable(header, lines, 3);
}
