// Shared by the collab benchmark's processes: the loads, the IPC messages between the orchestrator, the server
// children and the client children, the edit markers that carry their send time, and a mergeable latency histogram.

/** Wall-clock milliseconds, comparable between processes on one machine (unlike performance.now() alone). */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

/** tongban: one instance in the server child; bare: bare Hocuspocus; cluster: instances behind nginx it starts. */
export type ServerKind = 'tongban' | 'bare' | 'cluster';
export type LoadName = 'meeting' | 'many-documents' | 'saturation';

export interface LoadSpec {
  name: LoadName;
  documents: number;
  providersPerDocument: number;
  /** Providers per document that type; the others only watch. */
  typersPerDocument: number;
  editsPerSecond: number;
}

export const LOADS: Record<LoadName, LoadSpec> = {
  meeting: { name: 'meeting', documents: 1, providersPerDocument: 200, typersPerDocument: 10, editsPerSecond: 5 },
  'many-documents': {
    name: 'many-documents',
    documents: 50,
    providersPerDocument: 4,
    typersPerDocument: 4,
    editsPerSecond: 2,
  },
  saturation: {
    name: 'saturation',
    documents: 1,
    providersPerDocument: 200,
    typersPerDocument: 200,
    editsPerSecond: 2,
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Server child <-> orchestrator

export interface PreparedDocument {
  documentName: string;
  /** Where its providers connect: what the server's collab token names (with the document, for the load balancer). */
  url: string;
  /** One token per provider of this document (the bare server ignores them). */
  tokens: string[];
}

export interface ProcessStats {
  cpuUserUs: number;
  cpuSystemUs: number;
  rssBytes: number;
  /** Highest RSS sampled since the previous stats request that asked for a reset. */
  peakRssBytes: number;
  /** Event-loop delay since the previous reset (ms): how long ready work waited for the thread. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  atMs: number;
  /** CPU µs (user + system) so far of the processes serving beside this one (the cluster's instances, nginx). */
  parts: Array<[string, number]>;
}

export type ToServer =
  | { type: 'prepare'; phase: string; documents: number; providersPerDocument: number }
  | { type: 'stats'; resetPeak: boolean }
  | { type: 'settle' }
  /** What the server stored of these documents (after settle). */
  | { type: 'stored'; documents: string[] }
  | { type: 'exit' };

export type FromServer =
  /** ca: the certificate to trust on the server's wss:// URL (the cluster's), or null. */
  | { type: 'ready'; kind: ServerKind; pid: number; url: string; ca: string | null }
  | { type: 'prepared'; documents: PreparedDocument[] }
  | { type: 'stats'; stats: ProcessStats }
  | { type: 'settled'; openDocuments: number }
  /** [gid, distinct sequence numbers] of the edit markers in the stored documents; null when nothing is stored. */
  | { type: 'stored'; counts: Array<[number, number]> | null }
  | { type: 'error'; message: string };

// ---------------------------------------------------------------------------------------------------------------
// Client child <-> orchestrator

export interface ProviderSpec {
  /** Global id of the provider in this phase; senders put it in their markers. */
  gid: number;
  document: number;
  url: string;
  documentName: string;
  token: string;
  typer: boolean;
}

export interface SentCount {
  gid: number;
  document: number;
  count: number;
}

export interface ClientReport {
  histogram: HistogramData;
  /** Per edit seen here: key "gid.seq" -> [receivers here that saw it, slowest of them in ms]. Only measured edits. */
  perEdit: Array<[string, number, number]>;
  expected: number;
  observed: number;
  duplicates: number;
  disconnects: number;
  cpuUs: number;
  windowMs: number;
  /** Where each provider's WebSocket landed (X-Tongban-Upstream, behind the cluster's nginx): [document, upstream]. */
  upstreams: Array<[number, string]>;
}

export type ToClient =
  | {
      type: 'connect';
      providers: ProviderSpec[];
      typersPerDocument: Record<number, number>;
      concurrency: number;
      /** The certificate to trust on wss:// URLs (a cluster's self-signed one), or null. */
      ca: string | null;
    }
  | { type: 'type'; startAtMs: number; durationMs: number; warmupMs: number; editsPerSecond: number; epochMs: number }
  | { type: 'drain'; sent: SentCount[]; providersPerDocument: number; timeoutMs: number }
  | { type: 'disconnect' }
  | { type: 'exit' };

export type FromClient =
  | { type: 'ready'; pid: number }
  | { type: 'connected'; providers: number; failed: number; firstError: string | null; connectMs: number }
  | { type: 'typed'; sent: SentCount[]; lateTicks: number }
  | { type: 'report'; report: ClientReport }
  | { type: 'disconnected' }
  | { type: 'error'; message: string };

// ---------------------------------------------------------------------------------------------------------------
// Edit markers: "{gid.seq.sentMicros}" in base 36, sentMicros counted from the phase epoch. Receivers compute the
// latency from the marker itself, so no per-edit bookkeeping crosses process boundaries until the report.

export function editMarker(gid: number, seq: number, sentMs: number, epochMs: number): string {
  const micros = Math.max(0, Math.round((sentMs - epochMs) * 1000));
  return `{${gid.toString(36)}.${seq.toString(36)}.${micros.toString(36)}}`;
}

export interface ParsedMarker {
  gid: number;
  seq: number;
  sentMs: number;
}

const MARKER = /\{([0-9a-z]+)\.([0-9a-z]+)\.([0-9a-z]+)\}/g;

export function parseMarkers(text: string, epochMs: number, out: ParsedMarker[]): void {
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    out.push({ gid: parseInt(m[1]!, 36), seq: parseInt(m[2]!, 36), sentMs: epochMs + parseInt(m[3]!, 36) / 1000 });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Latency histogram: 0.05 ms buckets below 100 ms, 1 ms buckets up to 60 s. Merging is exact, percentiles are
// within one bucket.

const FINE_LIMIT_MS = 100;
const FINE_STEP_MS = 0.05;
const FINE_BUCKETS = FINE_LIMIT_MS / FINE_STEP_MS;
const COARSE_LIMIT_MS = 60_000;

export interface HistogramData {
  counts: Array<[number, number]>;
  total: number;
  sumMs: number;
  maxMs: number;
}

export class LatencyHistogram {
  private readonly counts = new Map<number, number>();
  total = 0;
  sumMs = 0;
  maxMs = 0;

  static from(data: HistogramData): LatencyHistogram {
    const h = new LatencyHistogram();
    h.merge(data);
    return h;
  }

  add(ms: number): void {
    const v = Math.max(0, ms);
    const bucket =
      v < FINE_LIMIT_MS
        ? Math.floor(v / FINE_STEP_MS)
        : FINE_BUCKETS + Math.floor(Math.min(v, COARSE_LIMIT_MS) - FINE_LIMIT_MS);
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    this.total++;
    this.sumMs += v;
    if (v > this.maxMs) this.maxMs = v;
  }

  merge(data: HistogramData): void {
    for (const [bucket, n] of data.counts) this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + n);
    this.total += data.total;
    this.sumMs += data.sumMs;
    this.maxMs = Math.max(this.maxMs, data.maxMs);
  }

  /** The upper edge of the bucket holding the q-quantile (0 < q <= 1); NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.ceil(q * this.total);
    let seen = 0;
    for (const bucket of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(bucket)!;
      if (seen >= rank)
        return bucket < FINE_BUCKETS ? (bucket + 1) * FINE_STEP_MS : FINE_LIMIT_MS + (bucket - FINE_BUCKETS + 1);
    }
    return this.maxMs;
  }

  mean(): number {
    return this.total === 0 ? Number.NaN : this.sumMs / this.total;
  }

  toData(): HistogramData {
    return { counts: [...this.counts.entries()], total: this.total, sumMs: this.sumMs, maxMs: this.maxMs };
  }
}
