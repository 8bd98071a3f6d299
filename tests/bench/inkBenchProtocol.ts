// Shared by the ink benchmark's processes: the IPC messages, pen strokes, and stroke ids that carry their send time.
import type { HistogramData } from './collabBenchProtocol.ts';

export interface DrawProvider {
  /** Global id of the participant; senders put it in their stroke ids. */
  gid: number;
  userId: string;
  documentName: string;
  token: string;
}

export interface ServerStats {
  cpuUs: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** The longest garbage-collection pause. */
  gcMaxMs: number;
  /** Time each client update spent in the collab server's checks and durable append before it was applied and sent on. */
  beforeSync: HistogramData;
  rssBytes: number;
  atMs: number;
}

export type ToServer =
  | { type: 'prepare'; participants: number; loadStrokes: number; points: number }
  | { type: 'tokens'; documentId: string; count: number }
  | { type: 'stats'; reset: boolean }
  | { type: 'exit' };

export type FromServer =
  | { type: 'ready'; pid: number; url: string }
  | {
      type: 'prepared';
      draw: DrawProvider[];
      load: { documentId: string; page: string; strokes: number; bytes: number; preloadMs: number };
    }
  | { type: 'tokens'; documentName: string; tokens: string[] }
  | { type: 'stats'; stats: ServerStats }
  | { type: 'error'; message: string };

export interface DrawReport {
  histogram: HistogramData;
  /** Per stroke seen here: [id, receivers here that saw it, slowest of them in ms]. Only measured strokes. */
  perStroke: Array<[string, number, number]>;
  expected: number;
  observed: number;
  refused: number;
  cpuUs: number;
}

export interface LoadResult {
  /** From creating the provider until the page's strokes are decoded and ready to paint. */
  totalMs: number;
  syncMs: number;
  buildMs: number;
  strokes: number;
}

export type ToClient =
  | { type: 'connect'; url: string; providers: DrawProvider[] }
  | {
      type: 'draw';
      startAtMs: number;
      durationMs: number;
      warmupMs: number;
      periodMs: number;
      points: number;
      epochMs: number;
    }
  | { type: 'drain'; sent: Array<[number, number]>; timeoutMs: number }
  | { type: 'load'; url: string; documentName: string; token: string; page: string; keep: boolean }
  | { type: 'disconnect' }
  | { type: 'exit' };

export type FromClient =
  | { type: 'ready'; pid: number }
  | { type: 'connected'; providers: number; connectMs: number }
  | { type: 'drawn'; sent: Array<[number, number]>; lateTicks: number }
  | { type: 'report'; report: DrawReport }
  | { type: 'loaded'; result: LoadResult }
  | { type: 'disconnected' }
  | { type: 'error'; message: string };

/** A deterministic generator, so that runs draw the same strokes. */
export function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

/** A hand-drawn-looking pen stroke: flat x, y, pressure triples of a smooth random walk on the page. */
export function penStroke(random: () => number, points: number): number[] {
  const out: number[] = [];
  let x = 0.1 + random() * 0.8;
  let y = 0.1 + random() * 0.8;
  let heading = random() * Math.PI * 2;
  for (let i = 0; i < points; i++) {
    heading += (random() - 0.5) * 0.4;
    x = Math.min(1, Math.max(0, x + Math.cos(heading) * 0.002));
    y = Math.min(1, Math.max(0, y + Math.sin(heading) * 0.002));
    out.push(x, y, 0.3 + 0.4 * Math.sin((i / points) * Math.PI) + random() * 0.05);
  }
  return out;
}

/** Stroke ids "b<gid>_<seq>_<sent µs since the epoch>" in base 36: receivers read the latency from the id itself. */
export function strokeId(gid: number, seq: number, sentMs: number, epochMs: number): string {
  return `b${gid.toString(36)}_${seq.toString(36)}_${Math.max(0, Math.round((sentMs - epochMs) * 1000)).toString(36)}`;
}

export function parseStrokeId(id: string, epochMs: number): { gid: number; seq: number; sentMs: number } | null {
  const m = /^b([0-9a-z]+)_([0-9a-z]+)_([0-9a-z]+)$/.exec(id);
  return m
    ? { gid: parseInt(m[1]!, 36), seq: parseInt(m[2]!, 36), sentMs: epochMs + parseInt(m[3]!, 36) / 1000 }
    : null;
}
