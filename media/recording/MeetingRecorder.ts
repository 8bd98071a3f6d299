// Records one meeting: every microphone and the video to show (the shared screen while there is one, otherwise the
// active speaker's camera) each go through their own TrackRecorder; at the end the streams are composed into one WebM
// with a chapter per agenda item. The recorder only consumes: its processes dying never touches the meeting's media,
// it just ends the recording as 'crashed' with what was written so far.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { MediaSource } from '../signaling.ts';
import { compose, type Chapter, type CompositionPlan, type Window } from './composition.ts';
import { TrackRecorder, type TrackExit } from './TrackRecorder.ts';

/** A producer of the meeting and the router it lives on. */
export interface RecordingProducer {
  producer: types.Producer;
  router: types.Router;
  peerId: string;
  source: MediaSource;
}

/** What the recorder reads of the meeting, each time it looks. */
export interface RecordingSource {
  readonly closed: boolean;
  producers(): RecordingProducer[];
  activeSpeakerPeerId(): string | null;
}

/** Why the recording ended: asked to, a recorder process died, the meeting closed, or it reached its size limit. */
export type RecordingEnd = 'stopped' | 'crashed' | 'meeting_closed' | 'size_limit';

export interface RecordingResult {
  end: RecordingEnd;
  /** The composed recording, or null when nothing could be composed (see error). */
  file: string | null;
  durationMs: number;
  chapters: Chapter[];
  error: string | null;
}

export interface MeetingRecorderOptions {
  /** A working directory of its own; the streams and the composed file are written there. */
  dir: string;
  title: string;
  /** The chapter the recording starts in (the first agenda item), if any. */
  firstChapter: string | null;
  /** Largest total size of the streams; past it the recording ends ('size_limit'). */
  maxBytes: number;
  ffmpeg: string;
  ffprobe: string;
  log: Logger;
  /** Called once, when the recording has ended and is composed (or failed to be). */
  onEnded(result: RecordingResult): void;
  pollMs?: number;
  now?: () => number;
}

const MAX_AUDIO_TRACKS = 16;
/** Video streams kept recording at once: the one shown and the last speakers, so switching back is instant. */
const MAX_VIDEO_TRACKS = 3;
/** The shown video changes at most this often, so brief interjections do not flicker the picture. */
const MIN_SHOT_MS = 2_000;
const SIZE_CHECK_EVERY = 4;

interface Piece {
  track: TrackRecorder;
  windows: Window[];
  lastShownAt: number;
}

export class MeetingRecorder {
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly pieces: Piece[] = [];
  private readonly live = new Map<string, Piece>();
  private readonly starting = new Set<string>();
  private readonly chapters: Chapter[] = [];
  private shown: { piece: Piece; since: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> = Promise.resolve();
  private ticks = 0;
  private ending: Promise<RecordingResult> | null = null;

  static async start(source: RecordingSource, options: MeetingRecorderOptions): Promise<MeetingRecorder> {
    await fs.mkdir(options.dir, { recursive: true });
    const recorder = new MeetingRecorder(source, options);
    await recorder.sync();
    recorder.timer = setInterval(() => recorder.tick(), options.pollMs ?? 500);
    return recorder;
  }

  private constructor(
    private readonly source: RecordingSource,
    private readonly options: MeetingRecorderOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.startedAt = this.now();
    if (options.firstChapter) this.chapters.push({ title: options.firstChapter, startMs: 0 });
  }

  get elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  get ended(): boolean {
    return this.ending !== null;
  }

  /** The ffmpeg processes recording right now (for diagnostics and the crash test). */
  get processIds(): number[] {
    return [...this.live.values()].flatMap((p) => (p.track.pid === undefined ? [] : [p.track.pid]));
  }

  /** Starts a chapter (the next agenda item) now. */
  chapter(title: string): void {
    if (!this.ending) this.chapters.push({ title, startMs: this.elapsedMs });
  }

  /** Ends the recording and composes it; safe to call twice (the first reason counts). */
  stop(end: RecordingEnd = 'stopped'): Promise<RecordingResult> {
    if (!this.ending) {
      this.ending = this.finish(end);
      void this.ending.then((result) => this.options.onEnded(result));
    }
    return this.ending;
  }

  // ── following the meeting ─────────────────────────────────────────────────────────────────────────────────

  private tick(): void {
    this.syncing = this.syncing
      .then(() => this.sync())
      .catch((err: unknown) => {
        this.options.log.error({ err }, 'recording could not follow the meeting');
      });
  }

  private async sync(): Promise<void> {
    if (this.ending) return;
    if (this.source.closed) {
      void this.stop('meeting_closed');
      return;
    }
    if (++this.ticks % SIZE_CHECK_EVERY === 0 && (await this.bytesWritten()) > this.options.maxBytes) {
      void this.stop('size_limit');
      return;
    }
    const producers = this.source.producers().filter((p) => !p.producer.closed);
    const mics = producers.filter((p) => p.source === 'mic');
    for (const mic of mics) {
      const audioLive = [...this.live.values()].filter((p) => p.track.kind === 'audio').length;
      if (audioLive + this.starting.size >= MAX_AUDIO_TRACKS) break;
      if (!this.live.has(mic.producer.id)) await this.record(mic);
    }
    const wanted = this.videoToShow(producers);
    if (!wanted || this.shown?.piece.track.producerId === wanted.producer.id) return;
    if (this.shown && this.now() - this.shown.since < MIN_SHOT_MS && !this.shown.piece.track.endedAt) return;
    const piece = this.live.get(wanted.producer.id) ?? (await this.record(wanted));
    if (piece) this.show(piece);
  }

  /** The shared screen (the newest one), else the active speaker's camera, else what is shown, else any camera. */
  private videoToShow(producers: RecordingProducer[]): RecordingProducer | undefined {
    const screens = producers.filter((p) => p.source === 'screen');
    if (screens.length) return screens[screens.length - 1];
    const cameras = producers.filter((p) => p.source === 'camera');
    const speaker = this.source.activeSpeakerPeerId();
    return (
      cameras.find((c) => c.peerId === speaker) ??
      cameras.find((c) => c.producer.id === this.shown?.piece.track.producerId) ??
      cameras[0]
    );
  }

  private show(piece: Piece): void {
    const at = this.elapsedMs;
    this.closeShot(at);
    this.shown = { piece, since: this.now() };
    piece.windows.push({ fromMs: at, toMs: Number.POSITIVE_INFINITY });
    piece.lastShownAt = at;
    // Video no longer shown is kept for the last few speakers only.
    const videos = [...this.live.values()].filter((p) => p.track.kind === 'video' && p !== piece);
    videos.sort((a, b) => b.lastShownAt - a.lastShownAt);
    for (const old of videos.slice(MAX_VIDEO_TRACKS - 1)) this.endPiece(old);
  }

  private closeShot(at: number): void {
    const window = this.shown?.piece.windows.at(-1);
    if (window && window.toMs === Number.POSITIVE_INFINITY) window.toMs = at;
    this.shown = null;
  }

  private async record(p: RecordingProducer): Promise<Piece | null> {
    if (this.starting.has(p.producer.id)) return null;
    this.starting.add(p.producer.id);
    try {
      const index = this.pieces.length + this.starting.size;
      const track = await TrackRecorder.start({
        router: p.router,
        producer: p.producer,
        file: path.join(this.options.dir, `${String(index).padStart(3, '0')}-${p.source}.webm`),
        ffmpeg: this.options.ffmpeg,
        log: this.options.log,
        now: this.now,
        onUnexpectedExit: (t, exit) => this.onCrash(t, exit),
        onProducerClosed: (t) => {
          const piece = this.live.get(t.producerId);
          if (piece) this.endPiece(piece);
        },
      });
      const piece: Piece = { track, windows: [], lastShownAt: -1 };
      this.pieces.push(piece);
      if (this.ending) {
        await track.stop();
        return null;
      }
      this.live.set(track.producerId, piece);
      return piece;
    } catch (err) {
      // The producer went away meanwhile (its owner left): nothing to record of it.
      if (!p.producer.closed)
        this.options.log.warn({ err, producerId: p.producer.id }, 'a stream could not be recorded');
      return null;
    } finally {
      this.starting.delete(p.producer.id);
    }
  }

  private endPiece(piece: Piece): void {
    this.live.delete(piece.track.producerId);
    if (this.shown?.piece === piece) this.closeShot(this.elapsedMs);
    void piece.track.stop();
  }

  private onCrash(track: TrackRecorder, exit: TrackExit): void {
    this.options.log.error(
      { producerId: track.producerId, code: exit.code, signal: exit.signal, stderr: exit.stderr.slice(-400) },
      'a recorder process died; the recording ends with what it has',
    );
    void this.stop('crashed');
  }

  private async bytesWritten(): Promise<number> {
    const sizes = await Promise.all(
      this.pieces.map((p) =>
        fs.stat(p.track.file).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    );
    return sizes.reduce((a, b) => a + b, 0);
  }

  // ── the end ──────────────────────────────────────────────────────────────────────────────────────────────

  private async finish(end: RecordingEnd): Promise<RecordingResult> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.syncing;
    const durationMs = this.elapsedMs;
    this.closeShot(durationMs);
    for (const piece of this.live.values()) if (!piece.track.endedAt) piece.track.endedAt = this.now();
    await Promise.all(this.pieces.map((p) => p.track.stop()));
    this.live.clear();
    const plan: CompositionPlan = {
      title: this.options.title,
      durationMs,
      chapters: this.chapters,
      audio: [],
      video: [],
    };
    for (const piece of this.pieces) {
      // A stream that never received anything (a muted microphone, a process killed at once) has nothing to give.
      if (!(await hasStream(this.options.ffprobe, piece.track.file, piece.track.kind))) continue;
      const offsetMs = piece.track.startedAt - this.startedAt;
      if (piece.track.kind === 'audio') plan.audio.push({ file: piece.track.file, offsetMs });
      else plan.video.push({ file: piece.track.file, offsetMs, windows: piece.windows });
    }
    const output = path.join(this.options.dir, 'recording.webm');
    try {
      await compose(plan, { ffmpeg: this.options.ffmpeg, output });
      return { end, file: output, durationMs, chapters: this.chapters, error: null };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.options.log.error({ err, dir: this.options.dir }, 'the recording could not be composed');
      return { end, file: null, durationMs, chapters: this.chapters, error };
    }
  }
}

/** Whether ffprobe finds a stream of this kind in a file (a live-written file cut short still has its header). */
export function hasStream(ffprobe: string, file: string, kind: 'audio' | 'video'): Promise<boolean> {
  return new Promise((resolve) => {
    const args = ['-v', 'error', '-select_streams', kind === 'audio' ? 'a' : 'v'];
    args.push('-show_entries', 'stream=codec_name', '-of', 'csv=p=0', file);
    const child = spawn(ffprobe, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0 && out.trim().length > 0));
  });
}
