// Composes a recording from its streams once it ends: every microphone mixed into one track (each delayed to when it
// started), and on a black 1280×720 canvas the video shown at each moment (the active speaker's camera, or the shared
// screen while there is one), with a chapter per agenda item. Encoded as VP8 + Opus WebM with an index, so browsers
// can play and seek it.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';

export interface Window {
  fromMs: number;
  toMs: number;
}
export interface AudioPiece {
  file: string;
  offsetMs: number;
}
export interface VideoPiece {
  file: string;
  offsetMs: number;
  /** When this piece is the one shown, on the recording's clock. */
  windows: Window[];
}
export interface Chapter {
  title: string;
  startMs: number;
}
export interface CompositionPlan {
  title: string;
  durationMs: number;
  audio: AudioPiece[];
  video: VideoPiece[];
  chapters: Chapter[];
}

const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 15;

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** FFMETADATA escapes '=', ';', '#', '\' and newlines with a backslash. */
function metaValue(text: string): string {
  return text.replace(/[=;#\\\n]/g, (c) => `\\${c}`);
}

/** The chapters (and title) as an ffmetadata file: each chapter ends where the next starts, the last at the end. */
export function chapterMetadata(plan: Pick<CompositionPlan, 'title' | 'durationMs' | 'chapters'>): string {
  const chapters = plan.chapters
    .filter((c) => c.startMs < plan.durationMs)
    .sort((a, b) => a.startMs - b.startMs)
    .filter((c, i, all) => i === all.length - 1 || all[i + 1]!.startMs > c.startMs);
  const lines = [';FFMETADATA1', `title=${metaValue(plan.title)}`];
  chapters.forEach((c, i) => {
    const end = i + 1 < chapters.length ? chapters[i + 1]!.startMs : plan.durationMs;
    lines.push('[CHAPTER]', 'TIMEBASE=1/1000', `START=${Math.round(c.startMs)}`, `END=${Math.round(end)}`);
    lines.push(`title=${metaValue(c.title)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** ffmpeg's arguments for a plan whose chapter metadata is in `metadataFile`. */
export function compositionArgs(plan: CompositionPlan, metadataFile: string, output: string): string[] {
  const video = plan.video.filter((v) => v.windows.some((w) => w.toMs > w.fromMs));
  const inputs: string[] = [];
  const graph: string[] = [];
  const duration = seconds(plan.durationMs);
  graph.push(`color=c=black:s=${WIDTH}x${HEIGHT}:r=${FPS}:d=${duration}[base0]`);
  video.forEach((piece, j) => {
    inputs.push('-i', piece.file);
    graph.push(
      `[${j}:v]setpts=PTS-STARTPTS+${seconds(piece.offsetMs)}/TB,` +
        `scale=${WIDTH}:${HEIGHT}:force_original_aspect_ratio=decrease,` +
        `pad=${WIDTH}:${HEIGHT}:(ow-iw)/2:(oh-ih)/2,setsar=1[v${j}]`,
    );
    const enable = piece.windows
      .filter((w) => w.toMs > w.fromMs)
      .map((w) => `between(t,${seconds(w.fromMs)},${seconds(w.toMs)})`)
      .join('+');
    graph.push(`[base${j}][v${j}]overlay=eof_action=pass:enable='${enable}'[base${j + 1}]`);
  });
  graph.push(`[base${video.length}]format=yuv420p[vout]`);
  plan.audio.forEach((piece, i) => {
    inputs.push('-i', piece.file);
    graph.push(
      `[${video.length + i}:a]asetpts=PTS-STARTPTS,aresample=48000:async=1:first_pts=0,adelay=${Math.round(piece.offsetMs)}:all=1[a${i}]`,
    );
  });
  // libopus takes at most 20 ms (960 samples) a frame; the silence source and the mixer may hand it more.
  if (plan.audio.length === 0) graph.push(`anullsrc=r=48000:cl=stereo,atrim=duration=${duration}[mixed]`);
  else
    graph.push(
      `${plan.audio.map((_, i) => `[a${i}]`).join('')}amix=inputs=${plan.audio.length}:duration=longest:normalize=0[mixed]`,
    );
  graph.push('[mixed]asetnsamples=n=960:p=0[aout]');
  const meta = video.length + plan.audio.length;
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
    ...inputs,
    ...['-f', 'ffmetadata', '-i', metadataFile],
    ...['-filter_complex', graph.join(';')],
    ...['-map', '[vout]', '-map', '[aout]', '-map_metadata', String(meta), '-map_chapters', String(meta)],
    ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '900k', '-g', String(FPS * 4)],
    ...['-c:a', 'libopus', '-b:a', '64k', '-t', duration, '-f', 'webm', '-y', output],
  ];
}

/** Runs the composition; throws with the end of ffmpeg's error output when it fails. */
export async function compose(plan: CompositionPlan, options: { ffmpeg: string; output: string }): Promise<void> {
  const metadataFile = options.output.replace(/\.webm$/, '.ffmeta');
  await fs.writeFile(metadataFile, chapterMetadata(plan));
  const args = compositionArgs(plan, metadataFile, options.output);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(options.ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2_000);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`composing the recording failed (${code ?? signal}): ${stderr}`)),
    );
  });
}
