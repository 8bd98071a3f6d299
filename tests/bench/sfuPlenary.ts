// The plenary part of the SFU benchmark: a meeting's routers spread over every worker (media/RoomRouters, as a
// plenary Room opens them), a few speakers' cameras (synthetic VP8 into PlainTransports, as the forwarding ramp) and
// hundreds of simulated viewers (SRTP PlainTransports to a local sink) arriving in waves. Each viewer is dealt to the
// least crowded router, the speakers are piped there, and it consumes every speaker's camera, the active speaker's
// resumed and the rest paused, as last-N leaves them for a viewer on the speaker view. Measured: join time (from the
// viewer's arrival to its consumers being set up, and to the first packet of the active speaker's video at the sink),
// p50 and p95; then worker CPU (all workers, getrusage) with last-N against the same meeting with every camera
// forwarded to every viewer (the baseline, in the same run).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import type { types } from 'mediasoup';
import type { ProducerData } from '../../media/Peer.ts';
import { RoomRouters } from '../../media/RoomRouters.ts';
import { WorkerPool } from '../../media/WorkerPool.ts';
import { PacketSink, SyntheticVp8, VP8_PAYLOAD_TYPE, VP8_SSRC } from './sfuRtp.ts';

export interface PlenaryOptions {
  viewers: number;
  speakers: number;
  workers: number;
}

export interface PlenaryResult {
  viewers: number;
  workers: number;
  viewersPerWorker: number[];
  setupP50Ms: number;
  setupP95Ms: number;
  firstMediaP50Ms: number;
  firstMediaP95Ms: number;
  /** Worker CPU, all workers together, in % of one core. */
  cpuLastNPct: number;
  cpuAllPct: number;
  forwardedPpsLastN: number;
  forwardedPpsAll: number;
}

/** Viewers arriving at once (a plenary fills in waves as its start time comes). */
const WAVE = 25;
export const PLENARY_STREAM = { fps: 30, bitrate: 500_000, keyframeEveryFrames: 30 };
const WARMUP_MS = 2_000;
const WINDOW_MS = 5_000;
const SRTP = 'AES_CM_128_HMAC_SHA1_80' as const;

interface Viewer {
  consumers: types.Consumer[];
  setupMs: number;
  /** Settles when the active speaker's first packet reaches the sink (not awaited inside a wave). */
  firstMedia: Promise<number>;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function workersCpuMs(pool: WorkerPool): Promise<number[]> {
  return Promise.all(
    pool.live().map(async (h) => {
      const usage = await h.worker.getResourceUsage();
      return usage.ru_utime + usage.ru_stime;
    }),
  );
}

async function forwarded(consumers: types.Consumer[]): Promise<number> {
  const stats = await Promise.all(consumers.map((c) => c.getStats()));
  return stats.flat().reduce((sum, s) => sum + (s.type === 'outbound-rtp' ? s.packetCount : 0), 0);
}

/** Worker CPU (% of one core, all workers) and forwarded packets per second over one window. */
async function measure(pool: WorkerPool, consumers: types.Consumer[]): Promise<{ cpuPct: number; pps: number }> {
  await sleep(WARMUP_MS);
  const t0 = performance.now();
  const [cpu0, fwd0] = await Promise.all([workersCpuMs(pool), forwarded(consumers)]);
  await sleep(WINDOW_MS);
  const t1 = performance.now();
  const [cpu1, fwd1] = await Promise.all([workersCpuMs(pool), forwarded(consumers)]);
  const ms = t1 - t0;
  const cpu = cpu1.reduce((s, c) => s + c, 0) - cpu0.reduce((s, c) => s + c, 0);
  return { cpuPct: (cpu / ms) * 100, pps: ((fwd1 - fwd0) / ms) * 1000 };
}

export async function measurePlenary(log: (line: string) => void, options: PlenaryOptions): Promise<PlenaryResult> {
  const pool = WorkerPool.create({
    workers: options.workers,
    listenIp: '127.0.0.1',
    announcedIp: '127.0.0.1',
    port: 0,
    logLevel: 'error',
    log: pino({ level: 'silent' }),
  });
  const routers = new RoomRouters({
    roomId: 'bench-plenary',
    pool,
    consumersPerRouter: 400,
    spread: true,
    log: pino({ level: 'silent' }),
    onWorkerLost: () => {
      throw new Error('a media worker died during the benchmark');
    },
    onDominantSpeaker: () => undefined,
  });
  const sink = new PacketSink();
  const cameras: SyntheticVp8[] = [];
  try {
    await routers.open();
    const sinkPort = await sink.open();
    // Speakers are people too: dealt out like everyone, their cameras on their own routers.
    const producers: Array<types.Producer<ProducerData>> = [];
    for (let i = 0; i < options.speakers; i++) {
      const router = await routers.routerFor(null, 0);
      const ingress = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
      producers.push(
        await ingress.produce<ProducerData>({
          kind: 'video',
          rtpParameters: {
            codecs: [
              {
                mimeType: 'video/VP8',
                payloadType: VP8_PAYLOAD_TYPE,
                clockRate: 90000,
                rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
              },
            ],
            encodings: [{ ssrc: VP8_SSRC }],
          },
          appData: { peerId: `speaker-${i}`, source: 'camera', routerId: router.id },
        }),
      );
      const camera = new SyntheticVp8({ ip: '127.0.0.1', port: ingress.tuple.localPort }, PLENARY_STREAM, {
        answerKeyframeRequests: true,
      });
      camera.start();
      cameras.push(camera);
    }
    const [active, ...others] = producers;
    if (!active) throw new Error('a plenary needs a speaker');

    const join = async (): Promise<Viewer> => {
      const arrived = performance.now();
      const router = await routers.routerFor(null, producers.length);
      const transport = await router.createPlainTransport({
        listenIp: '127.0.0.1',
        rtcpMux: true,
        comedia: false,
        enableSrtp: true,
        srtpCryptoSuite: SRTP,
      });
      await transport.connect({
        ip: '127.0.0.1',
        port: sinkPort,
        srtpParameters: { cryptoSuite: SRTP, keyBase64: randomBytes(30).toString('base64') },
      });
      const consume = async (producer: types.Producer<ProducerData>, paused: boolean) => {
        await routers.pipe(producer, router);
        return transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities, paused });
      };
      const speaking = await consume(active, false);
      const first = sink.firstPacket(speaking.rtpParameters.encodings![0]!.ssrc!);
      const rest = await Promise.all(others.map((p) => consume(p, true)));
      const setupMs = performance.now() - arrived;
      return { consumers: [speaking, ...rest], setupMs, firstMedia: first.then((at) => at - arrived) };
    };

    const viewers: Viewer[] = [];
    const joinStarted = performance.now();
    while (viewers.length < options.viewers) {
      const wave = Math.min(WAVE, options.viewers - viewers.length);
      viewers.push(...(await Promise.all(Array.from({ length: wave }, join))));
    }
    const joinSeconds = (performance.now() - joinStarted) / 1000;
    const firstMedia = await Promise.all(viewers.map((v) => v.firstMedia));
    const layout = routers.layout();
    const viewersPerWorker = layout.map(
      (l) => l.peers - producers.filter((p) => p.appData.routerId === l.router.id).length,
    );
    for (const c of viewers.flatMap((v) => v.consumers)) {
      const ssrc = c.rtpParameters.encodings?.[0]?.ssrc;
      if (ssrc !== undefined) sink.ssrcs.add(ssrc);
    }
    const setup = viewers.map((v) => v.setupMs);
    log(
      `  ${options.viewers} viewers joined in ${joinSeconds.toFixed(1)} s (waves of ${WAVE}); viewers per worker: ${viewersPerWorker.join(' / ')}`,
    );

    const all = viewers.flatMap((v) => v.consumers);
    const lastN = await measure(pool, all);
    // The baseline: no last-N, every speaker's camera forwarded to every viewer.
    await Promise.all(all.filter((c) => c.paused).map((c) => c.resume()));
    const everything = await measure(pool, all);

    const result: PlenaryResult = {
      viewers: options.viewers,
      workers: layout.length,
      viewersPerWorker,
      setupP50Ms: percentile(setup, 50),
      setupP95Ms: percentile(setup, 95),
      firstMediaP50Ms: percentile(firstMedia, 50),
      firstMediaP95Ms: percentile(firstMedia, 95),
      cpuLastNPct: lastN.cpuPct,
      cpuAllPct: everything.cpuPct,
      forwardedPpsLastN: lastN.pps,
      forwardedPpsAll: everything.pps,
    };
    const header = `${'forwarding'.padEnd(38)} | ${'video consumers'.padStart(15)} | ${'out pkt/s'.padStart(9)} | ${'worker CPU % (all)'.padStart(18)} | ${'CPU %/viewer'.padStart(12)}`;
    log(header);
    log('-'.repeat(header.length));
    const row = (name: string, consumers: number, m: { cpuPct: number; pps: number }) =>
      log(
        `${name.padEnd(38)} | ${String(consumers).padStart(15)} | ${m.pps.toFixed(0).padStart(9)} | ${m.cpuPct.toFixed(1).padStart(18)} | ${(m.cpuPct / options.viewers).toFixed(3).padStart(12)}`,
      );
    row('last-N (active speaker only)', options.viewers, lastN);
    row(`baseline (all ${producers.length} cameras to everyone)`, all.length, everything);
    const joinHeader = `${'join'.padEnd(38)} | ${'p50 ms'.padStart(8)} | ${'p95 ms'.padStart(8)}`;
    log(joinHeader);
    log('-'.repeat(joinHeader.length));
    log(
      `${'arrival → consumers set up'.padEnd(38)} | ${result.setupP50Ms.toFixed(0).padStart(8)} | ${result.setupP95Ms.toFixed(0).padStart(8)}`,
    );
    log(
      `${'arrival → first speaker packet'.padEnd(38)} | ${result.firstMediaP50Ms.toFixed(0).padStart(8)} | ${result.firstMediaP95Ms.toFixed(0).padStart(8)}`,
    );
    log(
      `  (the cameras answer keyframe requests as browsers do: ${cameras.reduce((n, c) => n + c.requestedKeyframes, 0)} requested keyframes sent)`,
    );
    return result;
  } finally {
    for (const camera of cameras) camera.stop();
    sink.close();
    routers.closeAll();
    pool.close();
  }
}
