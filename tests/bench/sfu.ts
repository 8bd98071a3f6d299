// SFU benchmark (`npm run bench:sfu`), loopback only.
// 1. Forwarding capacity of one mediasoup worker, side by side for three variants, alternating (A B C A B C, --rounds
//    rounds) so that machine noise affects all: the worker on libsrtp2/OpenSSL (the default, media/install), the worker
//    on Debian's libsrtp2/NSS, and SRTP off (plain RTP through the default worker) as the floor. A synthetic VP8
//    camera (sfuRtp.ts, ~1 Mbit/s, 30 fps) into a PlainTransport; N consumers on PlainTransports (with SRTP
//    AES_CM_128_HMAC_SHA1_80 except for the floor) sending to a local sink. N ramps up in fixed steps; for
//    each step the worker's CPU (getrusage), CPU per consumer and per forwarded packet, packets the worker forwarded
//    and packets the sink got. The consumer count one core sustains at 80% CPU is interpolated between the steps
//    around 80% when both were measured cleanly (no packets lost on the way in); otherwise (the ramp ended first, or a
//    busy machine starved the worker so that it dropped input) from a model fitted over all steps: worker CPU = a ×
//    consumers (RTCP, timers) + b × forwarded packets, taken at the camera's packet rate. The model holds however many
//    packets arrived, so a starved step still tells something.
// 2. Plenary (sfuPlenary.ts): a meeting's routers on every worker, 3 speakers and 300 simulated viewers (SRTP
//    PlainTransports) arriving in waves: join time p50/p95 (consumers set up; first packet of the active speaker), and
//    worker CPU with last-N (each viewer gets the active speaker only) against every camera to everyone, same run.
// 3. Join time: from the join request to the first decoded frame of another participant's video, in Chromium, p50 of
//    ten joins of an ordinary meeting, then five real Chromium joins of a plenary viewer (sfuJoin.ts).
// Prints a table per ramp, a side-by-side table (µs of worker CPU per forwarded packet, consumers one core sustains at
// 80%, ratio to NSS) and ends with one JSON line: {"consumers_per_core_at_80pct": … (OpenSSL),
// "nss_consumers_per_core_at_80pct": …, "ratio_openssl_vs_nss": …, "plain_consumers_per_core_at_80pct": …,
// "us_per_packet": {…}, "join_p50_ms": …, "plenary": {viewers, join_p50_ms, join_p95_ms, setup_p50_ms, setup_p95_ms,
// cpu_pct_last_n, cpu_pct_all_forwarded, viewers_per_worker}, "plenary_chromium_viewer_join_p50_ms": …}.
//   npx tsx tests/bench/sfu.ts [--skip-join] [--skip-plenary] [--plenary-viewers N (default 300)] [--max-consumers N]
//     [--rounds N (default 2)] [--variants openssl,nss,plain]
//     [--priority=N (nice and autogroup priority, e.g. -10; needs root)]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { MEDIA_CODECS } from '../../media/codecs.ts';
import {
  currentWorkerBinary,
  runningBinary,
  srtpWorkerBinary,
  useWorkerBinary,
  type SrtpVariant,
} from '../../media/workerBinary.ts';
import { prioritiseAutogroup, priorityOption } from './benchProcess.ts';
import { measureJoinTimes } from './sfuJoin.ts';
import { measurePlenary, PLENARY_STREAM, type PlenaryResult } from './sfuPlenary.ts';
import { PacketSink, SyntheticVp8, VP8_PAYLOAD_TYPE, VP8_SSRC } from './sfuRtp.ts';

const args = process.argv.slice(2);
const skipJoin = args.includes('--skip-join');
const skipPlenary = args.includes('--skip-plenary');
const plenaryIndex = args.indexOf('--plenary-viewers');
const PLENARY_VIEWERS = plenaryIndex >= 0 ? Number(args[plenaryIndex + 1]) : 300;
// On a shared machine neither the worker nor this process (camera and sink) may be starved by unrelated work: a starved
// worker drops input, and a starved camera sends bursts. Everything this benchmark starts (the mediasoup worker, the
// join part's server and Chromium) inherits the nice value and shares this process's session, whose autogroup gets
// the priority too (Linux shares the CPU between sessions before nice applies).
const PRIORITY = priorityOption(args);
if (PRIORITY !== null) {
  os.setPriority(process.pid, PRIORITY);
  prioritiseAutogroup('bench:sfu', process.pid, PRIORITY);
}
const maxIndex = args.indexOf('--max-consumers');
const MAX_CONSUMERS = maxIndex >= 0 ? Number(args[maxIndex + 1]) : 1000;
const roundsIndex = args.indexOf('--rounds');
const ROUNDS = roundsIndex >= 0 ? Number(args[roundsIndex + 1]) : 2;
const variantsIndex = args.indexOf('--variants');
const VARIANT_NAMES = variantsIndex >= 0 ? args[variantsIndex + 1]!.split(',') : ['openssl', 'nss', 'plain'];
const STEPS = [25, 50, 100, 200, 300, 400, 500, 600, 800, 1000].filter((n) => n <= MAX_CONSUMERS);
const WARMUP_MS = 2_000;
const WINDOW_MS = 5_000;
const STREAM = { fps: 30, bitrate: 1_000_000, keyframeEveryFrames: 30 };
const STOP_AT_CPU = 90;
/** The ramp gives up after this long (a starved machine); what it measured so far is still reported. */
const MAX_RAMP_MS = 10 * 60_000;
/** Consumers set up at once (each is a PlainTransport, its connect and its consume: three worker requests). */
const SETUP_BATCH = 25;
/** Input loss up to this share still counts as a clean measurement (the CPU it reads is at most that much low). */
const CLEAN_INGRESS_LOSS_PCT = 5;
/** Past this input loss the worker cannot keep up at all; more consumers only make the run slower. */
const GIVE_UP_INGRESS_LOSS_PCT = 50;

interface Step {
  consumers: number;
  /** Seconds it took to set up this step's new consumers. */
  setupSeconds: number;
  cpuPct: number;
  cpuPerConsumer: number;
  /** Worker CPU per forwarded packet, in µs. */
  cpuUsPerPacket: number;
  /** Packets per second the camera sent. */
  cameraPps: number;
  producerPps: number;
  forwardedPps: number;
  ingressLossPct: number;
  sfuDropPct: number;
  sinkLossPct: number;
}

async function cpuMs(worker: types.Worker): Promise<number> {
  const usage = await worker.getResourceUsage();
  // mediasoup reports ru_utime and ru_stime in milliseconds.
  return usage.ru_utime + usage.ru_stime;
}

interface Sample {
  at: number;
  cpu: number;
  /** Packets the camera sent, the producer received, the consumers sent and the sink received. */
  sent: number;
  ingress: number;
  forwarded: number;
  received: number;
}

/** CPU with its own timestamp, then the producer's and consumers' counters read together. */
async function sample(
  worker: types.Worker,
  producer: types.Producer,
  consumers: types.Consumer[],
  sink: PacketSink,
  camera: SyntheticVp8,
): Promise<Sample> {
  const at = performance.now();
  const cpu = await cpuMs(worker);
  const sent = camera.packets;
  const received = sink.rtpPackets;
  const [producerStats, ...consumerStats] = await Promise.all([
    producer.getStats(),
    ...consumers.map((c) => c.getStats()),
  ]);
  const ingress = producerStats.reduce((sum, s) => sum + s.packetCount, 0);
  const forwarded = consumerStats.flat().reduce((sum, s) => sum + (s.type === 'outbound-rtp' ? s.packetCount : 0), 0);
  return { at, cpu, sent, ingress, forwarded, received };
}

interface Variant {
  name: string;
  label: string;
  /** Worker binary it runs. */
  bin: string;
  srtp: boolean;
}

const DEFAULT_BIN = currentWorkerBinary();
const ALL_VARIANTS: Record<string, Variant> = {
  openssl: {
    name: 'openssl',
    label: 'libsrtp2/OpenSSL',
    bin: srtpWorkerBinary('openssl' satisfies SrtpVariant),
    srtp: true,
  },
  nss: { name: 'nss', label: 'libsrtp2/NSS (Debian)', bin: srtpWorkerBinary('nss' satisfies SrtpVariant), srtp: true },
  plain: { name: 'plain', label: 'no SRTP (floor)', bin: DEFAULT_BIN, srtp: false },
};
const VARIANTS = VARIANT_NAMES.map((name) => {
  const v = ALL_VARIANTS[name];
  if (!v) throw new Error(`--variants: unknown ${name} (known: ${Object.keys(ALL_VARIANTS).join(', ')})`);
  return v;
});

async function ramp(variant: Variant, log: (line: string) => void): Promise<Step[]> {
  useWorkerBinary(variant.bin);
  const worker = await mediasoup.createWorker({ logLevel: 'error' });
  // The process really runs the variant's binary (not a stale default).
  const running = runningBinary(worker.pid);
  if (running !== fs.realpathSync(variant.bin)) {
    worker.close();
    throw new Error(`${variant.name}: worker runs ${running}, expected ${variant.bin}`);
  }
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  log(
    `(worker and benchmark at ${PRIORITY === null ? 'normal priority' : `priority ${PRIORITY} (nice ${os.getPriority(worker.pid)})`}; load average ${load})`,
  );
  const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
  const sink = new PacketSink();
  const sinkPort = await sink.open();
  const ingress = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: true });
  const producer = await ingress.produce({
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
  });
  const camera = new SyntheticVp8({ ip: '127.0.0.1', port: ingress.tuple.localPort }, STREAM);
  camera.start();
  const consumers: types.Consumer[] = [];
  const steps: Step[] = [];
  const rampStarted = performance.now();
  try {
    for (const target of STEPS) {
      const setupStarted = performance.now();
      while (consumers.length < target) {
        const batch = Math.min(SETUP_BATCH, target - consumers.length);
        consumers.push(
          ...(await Promise.all(
            Array.from({ length: batch }, async () => {
              const transport = await router.createPlainTransport({
                listenIp: '127.0.0.1',
                rtcpMux: true,
                comedia: false,
                ...(variant.srtp ? { enableSrtp: true, srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80' as const } : {}),
              });
              await transport.connect({
                ip: '127.0.0.1',
                port: sinkPort,
                ...(variant.srtp
                  ? {
                      srtpParameters: {
                        cryptoSuite: 'AES_CM_128_HMAC_SHA1_80' as const,
                        keyBase64: randomBytes(30).toString('base64'),
                      },
                    }
                  : {}),
              });
              const consumer = await transport.consume({
                producerId: producer.id,
                rtpCapabilities: router.rtpCapabilities,
              });
              const ssrc = consumer.rtpParameters.encodings?.[0]?.ssrc;
              if (ssrc !== undefined) sink.ssrcs.add(ssrc);
              return consumer;
            }),
          )),
        );
      }
      const setupSeconds = (performance.now() - setupStarted) / 1000;
      // Warm-up: new consumers wait for the next keyframe (one per second) before they forward.
      await sleep(WARMUP_MS);
      const a = await sample(worker, producer, consumers, sink, camera);
      await sleep(WINDOW_MS);
      const b = await sample(worker, producer, consumers, sink, camera);
      const seconds = (b.at - a.at) / 1000;
      const cpuPct = ((b.cpu - a.cpu) / (b.at - a.at)) * 100;
      const n = consumers.length;
      const ingress = b.ingress - a.ingress;
      const forwardedPps = (b.forwarded - a.forwarded) / seconds;
      const step: Step = {
        consumers: n,
        setupSeconds,
        cpuPct,
        cpuPerConsumer: cpuPct / n,
        cpuUsPerPacket: forwardedPps > 0 ? ((cpuPct / 100) * 1e6) / forwardedPps : Number.NaN,
        cameraPps: (b.sent - a.sent) / seconds,
        producerPps: ingress / seconds,
        forwardedPps,
        ingressLossPct: Math.max(0, 1 - ingress / (b.sent - a.sent)) * 100,
        // What came in and was not sent out to every consumer (the counters are read together, so they line up).
        sfuDropPct: Math.max(0, 1 - (b.forwarded - a.forwarded) / (ingress * n)) * 100,
        sinkLossPct: Math.max(0, 1 - (b.received - a.received) / (ingress * n)) * 100,
      };
      steps.push(step);
      log(row(step));
      // Past saturation there is nothing more to learn (and a starved run only gets slower).
      if (
        cpuPct >= STOP_AT_CPU ||
        step.sfuDropPct > 10 ||
        step.ingressLossPct > GIVE_UP_INGRESS_LOSS_PCT ||
        performance.now() - rampStarted > MAX_RAMP_MS
      )
        break;
    }
  } finally {
    camera.stop();
    sink.close();
    worker.close();
  }
  return steps;
}

interface Estimate {
  consumers: number;
  how: string;
}

/** Consumers at 80% of a core: see the header comment. */
function consumersAt80(steps: Step[]): Estimate {
  const clean = (s: Step) => s.ingressLossPct <= CLEAN_INGRESS_LOSS_PCT;
  const above = steps.findIndex((s) => s.cpuPct >= 80);
  if (above > 0 && clean(steps[above]!) && clean(steps[above - 1]!)) {
    const a = steps[above - 1]!;
    const b = steps[above]!;
    return {
      consumers: Math.round(a.consumers + ((80 - a.cpuPct) * (b.consumers - a.consumers)) / (b.cpuPct - a.cpuPct)),
      how: `interpolated between ${a.consumers} and ${b.consumers} consumers`,
    };
  }
  // Least squares without intercept (an idle worker costs nothing): cpu % = a × consumers + b × forwarded packets/s.
  const sum = (f: (s: Step) => number) => steps.reduce((total, s) => total + f(s), 0);
  const cameraPps = sum((s) => s.cameraPps) / steps.length;
  const [snn, snp, spp, snc, spc] = [
    sum((s) => s.consumers ** 2),
    sum((s) => s.consumers * s.forwardedPps),
    sum((s) => s.forwardedPps ** 2),
    sum((s) => s.consumers * s.cpuPct),
    sum((s) => s.forwardedPps * s.cpuPct),
  ];
  const det = snn * spp - snp * snp;
  let a = (snc * spp - spc * snp) / det;
  let b = (spc * snn - snc * snp) / det;
  // Steps that all forwarded about the camera's rate to every consumer cannot tell the two costs apart (and the fit
  // is then noise); at that rate it makes no difference, so everything is counted per packet.
  const ratios = steps.map((s) => s.forwardedPps / s.consumers);
  const spread = (Math.max(...ratios) - Math.min(...ratios)) / cameraPps;
  if (spread < 0.25 || !(a >= 0 && b > 0)) {
    a = 0;
    b = sum((s) => s.cpuPct) / sum((s) => s.forwardedPps);
  }
  return {
    consumers: Math.round(80 / (a + b * cameraPps)),
    how: `modelled: ${a.toFixed(3)}% of a core per consumer + ${((b / 100) * 1e6).toFixed(1)} µs per forwarded packet, at ${cameraPps.toFixed(0)} packets/s per consumer`,
  };
}

const HEADER = `${'consumers'.padStart(9)} | ${'setup s'.padStart(7)} | ${'worker CPU %'.padStart(12)} | ${'CPU %/consumer'.padStart(14)} | ${'CPU µs/pkt'.padStart(10)} | ${'in pkt/s'.padStart(8)} | ${'out pkt/s'.padStart(9)} | ${'in loss %'.padStart(9)} | ${'SFU drop %'.padStart(10)} | ${'rx loss %'.padStart(9)}`;

function row(s: Step): string {
  return `${String(s.consumers).padStart(9)} | ${s.setupSeconds.toFixed(1).padStart(7)} | ${s.cpuPct.toFixed(1).padStart(12)} | ${s.cpuPerConsumer.toFixed(3).padStart(14)} | ${s.cpuUsPerPacket.toFixed(1).padStart(10)} | ${s.producerPps.toFixed(0).padStart(8)} | ${s.forwardedPps.toFixed(0).padStart(9)} | ${s.ingressLossPct.toFixed(2).padStart(9)} | ${s.sfuDropPct.toFixed(2).padStart(10)} | ${s.sinkLossPct.toFixed(2).padStart(9)}`;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
log(
  `SFU forwarding: one worker (mediasoup ${mediasoup.version}), synthetic VP8 ${STREAM.bitrate / 1e6} Mbit/s at ${STREAM.fps} fps, consumers on PlainTransports; ${ROUNDS} rounds of ${VARIANTS.map((v) => v.name).join(' ')} (SRTP AES_CM_128_HMAC_SHA1_80 except the floor)`,
);
for (const v of VARIANTS) log(`  ${v.name.padEnd(8)} ${v.label}: ${v.bin}`);

interface RoundResult {
  steps: Step[];
  at80: Estimate;
}
const results = new Map<string, RoundResult[]>(VARIANTS.map((v) => [v.name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const variant of VARIANTS) {
    log(`\n--- round ${round}/${ROUNDS}: ${variant.name} (${variant.label}) ---`);
    log(HEADER);
    log('-'.repeat(HEADER.length));
    const steps = await ramp(variant, log);
    const at80 = consumersAt80(steps);
    log(
      `CPU per consumer (largest step): ${steps.at(-1)!.cpuPerConsumer.toFixed(3)} % of a core; consumers one core sustains at 80% CPU: ${at80.consumers} (${at80.how})`,
    );
    const starved = steps.filter((s) => s.ingressLossPct > CLEAN_INGRESS_LOSS_PCT).map((s) => s.consumers);
    if (starved.length > 0)
      log(
        `(input lost at ${starved.join(', ')} consumers: the machine was too busy to run the worker on time; the model above still holds)`,
      );
    results.get(variant.name)!.push({ steps, at80 });
  }
}
useWorkerBinary(DEFAULT_BIN);

interface Summary {
  usPerPacket: number;
  consumersAt80: number;
  rounds: number[];
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const summaries = new Map<string, Summary>();
for (const v of VARIANTS) {
  const rounds = results.get(v.name)!;
  const steps = rounds.flatMap((r) => r.steps);
  summaries.set(v.name, {
    // Worker CPU over all steps of all rounds per packet forwarded (µs of one core).
    usPerPacket:
      (steps.reduce((sum, s) => sum + s.cpuPct, 0) / 100 / steps.reduce((sum, s) => sum + s.forwardedPps, 0)) * 1e6,
    consumersAt80: Math.round(mean(rounds.map((r) => r.at80.consumers))),
    rounds: rounds.map((r) => r.at80.consumers),
  });
}
const nss = summaries.get('nss');
const openssl = summaries.get('openssl');
const plain = summaries.get('plain');
const SIDE_HEADER = `${'variant'.padEnd(8)} | ${'SRTP'.padEnd(21)} | ${'µs/pkt'.padStart(6)} | ${'SRTP µs/pkt'.padStart(11)} | ${'consumers/core at 80%'.padStart(21)} | ${'per round'.padEnd(13)} | ${'vs NSS'.padStart(6)}`;
log(`\nSide by side (${ROUNDS} rounds, alternating; µs of worker CPU per forwarded packet over all steps):`);
log(SIDE_HEADER);
log('-'.repeat(SIDE_HEADER.length));
for (const v of VARIANTS) {
  const s = summaries.get(v.name)!;
  const srtpUs = plain && v.srtp ? (s.usPerPacket - plain.usPerPacket).toFixed(2) : '-';
  const vsNss = nss ? (s.consumersAt80 / nss.consumersAt80).toFixed(2) : '-';
  log(
    `${v.name.padEnd(8)} | ${v.label.padEnd(21)} | ${s.usPerPacket.toFixed(2).padStart(6)} | ${srtpUs.padStart(11)} | ${String(s.consumersAt80).padStart(21)} | ${s.rounds.join(' ').padEnd(13)} | ${vsNss.padStart(6)}`,
  );
}
const ratio = openssl && nss ? Number((openssl.consumersAt80 / nss.consumersAt80).toFixed(2)) : null;
if (ratio !== null)
  log(
    `libsrtp2/OpenSSL vs libsrtp2/NSS: ${ratio}× the consumers per core at 80% (${openssl!.usPerPacket.toFixed(2)} vs ${nss!.usPerPacket.toFixed(2)} µs per packet)`,
  );

let plenary: PlenaryResult | null = null;
if (!skipPlenary) {
  const workers = Math.max(2, os.availableParallelism());
  log(
    `\nPlenary: routers on ${workers} workers, 3 speakers (synthetic VP8 ${PLENARY_STREAM.bitrate / 1e6} Mbit/s each), ${PLENARY_VIEWERS} viewers on SRTP PlainTransports (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  plenary = await measurePlenary(log, { viewers: PLENARY_VIEWERS, speakers: 3, workers });
}

let joinP50: number | null = null;
let plenaryViewerJoinP50: number | null = null;
if (!skipJoin) {
  log('\nJoin time: join request → first decoded remote video frame (Chromium, fake devices, loopback)');
  const times = await measureJoinTimes(log);
  const summarise = (what: string, all: number[]) => {
    const sorted = [...all].sort((a, b) => a - b);
    const p50 = Math.round(
      (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2,
    );
    log(
      `  ${what}: p50 ${p50} ms, min ${Math.round(sorted[0]!)} ms, max ${Math.round(sorted.at(-1)!)} ms over ${all.length} joins`,
    );
    return p50;
  };
  joinP50 = summarise('meeting', times.meeting);
  plenaryViewerJoinP50 = summarise('plenary viewer', times.plenaryViewer);
}
log(
  JSON.stringify({
    consumers_per_core_at_80pct: openssl?.consumersAt80 ?? null,
    nss_consumers_per_core_at_80pct: nss?.consumersAt80 ?? null,
    ratio_openssl_vs_nss: ratio,
    plain_consumers_per_core_at_80pct: plain?.consumersAt80 ?? null,
    us_per_packet: Object.fromEntries([...summaries].map(([name, s]) => [name, Number(s.usPerPacket.toFixed(2))])),
    join_p50_ms: joinP50,
    plenary: plenary && {
      viewers: plenary.viewers,
      join_p50_ms: Math.round(plenary.firstMediaP50Ms),
      join_p95_ms: Math.round(plenary.firstMediaP95Ms),
      setup_p50_ms: Math.round(plenary.setupP50Ms),
      setup_p95_ms: Math.round(plenary.setupP95Ms),
      cpu_pct_last_n: Number(plenary.cpuLastNPct.toFixed(1)),
      cpu_pct_all_forwarded: Number(plenary.cpuAllPct.toFixed(1)),
      viewers_per_worker: plenary.viewersPerWorker,
    },
    plenary_chromium_viewer_join_p50_ms: plenaryViewerJoinP50,
  }),
);
process.exit(0);
