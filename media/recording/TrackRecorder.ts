// One stream of a recording: a mediasoup consumer of one producer on a PlainTransport (rtcp-mux, comedia off: the
// transport sends to ffmpeg's port), and an ffmpeg process copying its RTP unchanged into a WebM file written live
// (clusters flushed as they close, no index to write at the end), so the file stays readable up to the moment the
// process dies. Nothing is transcoded during the meeting; the recording is composed from these files at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { recorderPort } from './freePort.ts';
import { recorderSdp } from './sdp.ts';

/** How long ffmpeg may take to open its port before the consumer is resumed anyway. */
const LISTEN_WAIT_MS = 5_000;
/** ffmpeg processes tried for one stream before the stream is given up. */
const START_ATTEMPTS = 3;
/**
 * Stopping: ffmpeg finishes its file on SIGINT, but once running it only looks between packets, and a stream that
 * has gone quiet blocks it in a read for 10 s; a second SIGINT interrupts that read (a third would skip the file's
 * end). Killed if it has not finished after STOP_WAIT_MS.
 */
const SECOND_SIGINT_MS = 250;
const STOP_WAIT_MS = 5_000;
/** Keyframe requests after the start (ms): the first keyframe may reach ffmpeg before it reads its input. */
const KEYFRAME_AT_MS = [200, 1_000, 2_500, 5_000];

export interface TrackExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The end of ffmpeg's error output, for the log. */
  stderr: string;
}

export interface TrackRecorderOptions {
  router: types.Router;
  producer: types.Producer;
  /** The WebM file to write (its .sdp sits beside it). */
  file: string;
  ffmpeg: string;
  log: Logger;
  /** The monotonic clock of the recording, in ms. */
  now: () => number;
  /** ffmpeg ended without being asked to (killed, crashed): the file holds what was written until then. */
  onUnexpectedExit(track: TrackRecorder, exit: TrackExit): void;
  /** The producer closed (its owner left or stopped it): the track is finished. */
  onProducerClosed(track: TrackRecorder): void;
}

export class TrackRecorder {
  readonly producerId: string;
  readonly kind: types.MediaKind;
  readonly file: string;
  /** When the track started, on the recording's clock. */
  readonly startedAt: number;
  endedAt: number | null = null;
  private stopping = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly exited: Promise<TrackExit>;
  private stderrTail = '';

  static async start(options: TrackRecorderOptions): Promise<TrackRecorder> {
    // ffmpeg failing to start (its port taken after all, a bad moment) is tried again before it counts as a crash.
    for (let attempt = 1; ; attempt++) {
      const track = await TrackRecorder.attempt(options);
      if (track) return track;
      if (attempt >= START_ATTEMPTS) throw new Error('ffmpeg would not start receiving the stream');
    }
  }

  /** One try: the track, or null when ffmpeg ended before it was listening. */
  private static async attempt(options: TrackRecorderOptions): Promise<TrackRecorder | null> {
    const { router, producer } = options;
    const port = await recorderPort();
    const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
    let child: ChildProcess | null = null;
    let track: TrackRecorder | null = null;
    try {
      await transport.connect({ ip: '127.0.0.1', port });
      const consumer = await transport.consume({
        producerId: producer.id,
        rtpCapabilities: router.rtpCapabilities,
        paused: true,
      });
      const sdpFile = options.file.replace(/\.webm$/, '.sdp');
      await fs.writeFile(sdpFile, recorderSdp({ kind: consumer.kind, port, rtpParameters: consumer.rtpParameters }));
      child = spawn(options.ffmpeg, ffmpegArgs(sdpFile, options.file), { stdio: ['ignore', 'ignore', 'pipe'] });
      const listening = await waitForListener(port, child);
      if (!listening) {
        transport.close();
        return null;
      }
      track = new TrackRecorder(options, transport, consumer, child);
      if (!track.stopping) {
        await consumer.resume();
        if (consumer.kind === 'video') track.requestKeyFrames(consumer);
      }
      return track;
    } catch (err) {
      // The producer or its router went away while the track started: nothing of it is left running (stopped, not
      // crashed: the recording goes on without it).
      if (track) void track.stop();
      else child?.kill('SIGKILL');
      transport.close();
      throw err;
    }
  }

  private constructor(
    private readonly options: TrackRecorderOptions,
    private readonly transport: types.PlainTransport,
    consumer: types.Consumer,
    private readonly child: ChildProcess,
  ) {
    this.producerId = options.producer.id;
    this.kind = consumer.kind;
    this.file = options.file;
    this.startedAt = options.now();
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-2_000);
    });
    this.exited = new Promise((resolve) => {
      let settled = false;
      const settle = (code: number | null, signal: NodeJS.Signals | null) => {
        if (settled) return;
        settled = true;
        this.endedAt ??= options.now();
        this.clearTimers();
        transport.close();
        const exit = { code, signal, stderr: this.stderrTail };
        if (!this.stopping) options.onUnexpectedExit(this, exit);
        resolve(exit);
      };
      child.once('exit', settle);
      // A binary that cannot start (missing, not executable) ends the track like a crash.
      child.once('error', (err) => {
        this.stderrTail += `\n${err.message}`;
        settle(null, null);
      });
    });
    consumer.once('producerclose', () => {
      if (!this.stopping) options.onProducerClosed(this);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Asks ffmpeg to finish its file (SIGINT), killing it if it does not within STOP_WAIT_MS; safe to call twice. */
  async stop(): Promise<TrackExit> {
    if (!this.stopping) {
      this.stopping = true;
      this.endedAt ??= this.options.now();
      this.clearTimers();
      this.transport.close();
      if (this.child.exitCode === null && this.child.signalCode === null) {
        this.child.kill('SIGINT');
        const again = setTimeout(() => this.child.kill('SIGINT'), SECOND_SIGINT_MS);
        const kill = setTimeout(() => this.child.kill('SIGKILL'), STOP_WAIT_MS);
        void this.exited.finally(() => {
          clearTimeout(again);
          clearTimeout(kill);
        });
      }
    }
    return this.exited;
  }

  private requestKeyFrames(consumer: types.Consumer): void {
    for (const at of KEYFRAME_AT_MS) {
      this.timers.push(
        setTimeout(() => {
          if (consumer.closed) return;
          consumer.requestKeyFrame().catch((err: unknown) => {
            if (!consumer.closed)
              this.options.log.warn({ err, producerId: this.producerId }, 'keyframe request failed');
          });
        }, at),
      );
    }
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.length = 0;
  }
}

function ffmpegArgs(sdpFile: string, file: string): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
    ...['-protocol_whitelist', 'file,udp,rtp', '-reorder_queue_size', '256'],
    ...['-analyzeduration', '2000000', '-probesize', '1000000'],
    ...['-i', sdpFile, '-map', '0', '-c', 'copy'],
    // Live WebM: clusters of at most a second, each flushed when it closes, and no index written at the end.
    ...['-f', 'webm', '-live', '1', '-cluster_time_limit', '1000', '-flush_packets', '1', '-y', file],
  ];
}

/**
 * Waits until ffmpeg has bound its RTP port (Linux lists it in /proc/net/udp), so the first packets are not lost;
 * elsewhere, or when it takes too long, the caller goes on and relies on the keyframe requests. False when ffmpeg
 * ended meanwhile (it could not bind its port).
 */
async function waitForListener(port: number, child: ChildProcess): Promise<boolean> {
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const deadline = performance.now() + LISTEN_WAIT_MS;
  const running = () => child.exitCode === null && child.signalCode === null;
  while (performance.now() < deadline && running()) {
    const table = await fs.readFile('/proc/net/udp', 'utf8').catch(() => null);
    if (table === null || table.split('\n').some((line) => line.trim().split(/\s+/)[1]?.endsWith(suffix)))
      return running();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return running();
}
