// The recorder against a real mediasoup worker, real RTP from ffmpeg and real ffmpeg recorder processes: a speaker's
// camera and microphone are recorded, the recorder process is killed mid-meeting, and the meeting's media goes on
// while the partial recording is kept, composed and playable (ffprobe decodes its frames and finds its chapters).
import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import pino from 'pino';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingSink, silentLog, testPool } from '../../tests/support/mediaFixtures.ts';
import { bytesIn, startRtpSpeaker, until, type RtpSpeaker } from '../../tests/support/rtpSender.ts';
import type { ProducerData } from '../Peer.ts';
import { Room } from '../Room.ts';
import type { WorkerPool } from '../WorkerPool.ts';
import { MeetingRecorder, type RecordingResult } from './MeetingRecorder.ts';
import { roomRecordingSource } from './roomSource.ts';

let pool: WorkerPool;
let room: Room;
let speaker: RtpSpeaker<ProducerData> | null;
let dir: string;
const sockets: dgram.Socket[] = [];

beforeEach(async () => {
  pool = testPool(1);
  room = await Room.create({
    id: 'rec-1',
    pool,
    consumersPerRouter: 400,
    iceServers: [],
    log: silentLog,
    sink: new RecordingSink(),
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-rec-'));
  speaker = null;
});
afterEach(() => {
  speaker?.stop();
  for (const s of sockets) s.close();
  sockets.length = 0;
  room.close();
  pool.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A peer in the room whose camera and microphone come from ffmpeg, registered as the room keeps a browser's. */
async function speakerInRoom(peerId: string): Promise<RtpSpeaker<ProducerData>> {
  const peer = room.addPeer({ id: peerId, userId: `user-${peerId}`, displayName: peerId });
  await room.createTransport(peerId, 'send');
  const router = peer.router!;
  const s = await startRtpSpeaker<ProducerData>(router, (source) => ({ peerId, source, routerId: router.id }));
  for (const p of [s.camera, s.mic]) peer.producers.set(p.id, p);
  await until(async () => (await bytesIn(s.camera)) > 20_000 && (await bytesIn(s.mic)) > 2_000, 'media from ffmpeg');
  return s;
}

/** Another participant: a consumer of the camera on a PlainTransport, counting the packets it is sent. */
async function viewer(peerId: string, producerId: string): Promise<{ packets: () => number }> {
  const socket = dgram.createSocket('udp4');
  sockets.push(socket);
  let packets = 0;
  socket.on('message', () => packets++);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const router = room.peer(peerId).router!;
  const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
  await transport.connect({ ip: '127.0.0.1', port: socket.address().port });
  await transport.consume({ producerId, rtpCapabilities: router.rtpCapabilities });
  return { packets: () => packets };
}

function probe(file: string, args: string[]): string {
  const out = spawnSync('ffprobe', ['-v', 'error', ...args, file], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.trim();
}

function decodedFrames(file: string, stream: 'v:0' | 'a:0'): number {
  return Number(
    probe(file, [
      '-count_frames',
      '-select_streams',
      stream,
      '-show_entries',
      'stream=nb_read_frames',
      '-of',
      'csv=p=0',
    ]),
  );
}

/** The mean luma of the brightest frame (the empty canvas is black, 16): the speaker's picture is in the recording. */
function brightestLuma(file: string): number {
  const out = spawnSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-vf',
      'signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-',
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  );
  return Math.max(...[...out.stdout.matchAll(/YAVG=([\d.]+)/g)].map((m) => Number(m[1])));
}

function recorderFor(onEnded: (r: RecordingResult) => void): Promise<MeetingRecorder> {
  return MeetingRecorder.start(
    roomRecordingSource(room, () => ['speaker']),
    {
      dir: path.join(dir, 'rec'),
      title: '常务会议',
      firstChapter: '一、开场',
      maxBytes: 200 * 1024 * 1024,
      ffmpeg: 'ffmpeg',
      ffprobe: 'ffprobe',
      log: process.env.DEBUG_REC ? pino({ level: 'debug' }) : silentLog,
      onEnded,
      pollMs: 100,
    },
  );
}

// Real encoders and decoders on a 2-core machine shared with other work: each test may take a while.
describe('MeetingRecorder', { timeout: 90_000 }, () => {
  it('survives its ffmpeg being killed: the meeting goes on, the partial recording is kept and plays', async () => {
    speaker = await speakerInRoom('speaker');
    const other = room.addPeer({ id: 'other', userId: 'user-other', displayName: 'other' });
    await room.createTransport(other.id, 'recv');
    const watching = await viewer('other', speaker.camera.id);

    let ended: (r: RecordingResult) => void = () => undefined;
    const result = new Promise<RecordingResult>((resolve) => (ended = resolve));
    const recorder = await recorderFor((r) => ended(r));
    const videoFile = path.join(dir, 'rec');
    const size = (kind: string) =>
      fs
        .readdirSync(videoFile)
        .filter((f) => f.endsWith(`-${kind}.webm`))
        .reduce((n, f) => n + fs.statSync(path.join(videoFile, f)).size, 0);
    await until(() => size('camera') > 40_000 && size('mic') > 8_000, 'the recorder writing both streams');
    recorder.chapter('二、审议事项');
    await until(() => recorder.elapsedMs > 2_500, 'a second chapter long enough to keep');

    const pids = recorder.processIds;
    expect(pids).toHaveLength(2);
    const beforeKill = { packets: watching.packets(), bytes: await bytesIn(speaker.camera) };
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const r = await result;

    expect(r.end).toBe('crashed');
    expect(r.error).toBeNull();
    // The meeting and its media go on.
    expect(room.closed).toBe(false);
    expect(speaker.camera.closed).toBe(false);
    expect(speaker.mic.closed).toBe(false);
    await until(
      async () => watching.packets() > beforeKill.packets + 100 && (await bytesIn(speaker!.camera)) > beforeKill.bytes,
      'the viewer receiving after the kill',
    );
    // The raw streams written until the kill are readable on their own …
    const pieces = fs.readdirSync(videoFile).filter((f) => /^\d+-(camera|mic)\.webm$/.test(f));
    const cameraPiece = path.join(
      videoFile,
      pieces.find((f) => f.endsWith('-camera.webm'))!,
    );
    expect(decodedFrames(cameraPiece, 'v:0')).toBeGreaterThan(10);
    // … and the composed recording plays: a duration, decodable video and audio frames, and the two chapters.
    const file = r.file!;
    const duration = Number(probe(file, ['-show_entries', 'format=duration', '-of', 'csv=p=0']));
    expect(duration).toBeGreaterThan(2);
    expect(Math.abs(duration - r.durationMs / 1000)).toBeLessThan(1);
    expect(decodedFrames(file, 'v:0')).toBeGreaterThan(20);
    expect(brightestLuma(file)).toBeGreaterThan(40);
    expect(decodedFrames(file, 'a:0')).toBeGreaterThan(50);
    const chapters = JSON.parse(probe(file, ['-show_chapters', '-of', 'json'])) as {
      chapters: Array<{ start_time: string; tags: { title: string } }>;
    };
    expect(chapters.chapters.map((c) => c.tags.title)).toEqual(['一、开场', '二、审议事项']);
    expect(Number(chapters.chapters[1]!.start_time)).toBeGreaterThan(0.5);
  });

  it('ends cleanly when stopped, and when the meeting closes', async () => {
    speaker = await speakerInRoom('speaker');
    let ended: (r: RecordingResult) => void = () => undefined;
    const result = new Promise<RecordingResult>((resolve) => (ended = resolve));
    const recorder = await recorderFor((r) => ended(r));
    await until(() => recorder.elapsedMs > 2_000, 'two seconds of recording');
    const stopped = await recorder.stop();
    expect(stopped.end).toBe('stopped');
    expect(stopped.error).toBeNull();
    expect(await result).toBe(stopped);
    expect(decodedFrames(stopped.file!, 'v:0')).toBeGreaterThan(10);
    expect(room.closed).toBe(false);

    let closedEnd: (r: RecordingResult) => void = () => undefined;
    const second = new Promise<RecordingResult>((resolve) => (closedEnd = resolve));
    fs.rmSync(path.join(dir, 'rec'), { recursive: true });
    await recorderFor((r) => closedEnd(r));
    room.close();
    expect((await second).end).toBe('meeting_closed');
  });
});
