// A speaker made of ffmpeg, for media tests: a test pattern (VP8) and a 440 Hz tone (Opus) sent as RTP into two
// PlainTransports on a router, which is how a server-side test gets real, decodable media into mediasoup (browsers'
// WebRTC cannot run in Node). The producers are those a browser's camera and microphone would make. The transports
// are connected to ffmpeg's own sending ports rather than learning them (comedia): ffmpeg sends its first RTCP report
// from another port than its RTP, and a transport that learnt that port would drop the media.
import { spawn, type ChildProcess } from 'node:child_process';
import type { types } from 'mediasoup';
import { freeUdpPort } from '../../media/recording/freePort.ts';

export const VIDEO_PT = 101;
export const AUDIO_PT = 100;
export const VIDEO_SSRC = 11_111_111;
export const AUDIO_SSRC = 22_222_222;

export interface RtpSpeaker<D extends types.AppData = types.AppData> {
  camera: types.Producer<D>;
  mic: types.Producer<D>;
  ffmpeg: ChildProcess;
  stop(): void;
}

/** Starts the sender and its producers; appData is what the room keeps on a browser's producers. */
export async function startRtpSpeaker<D extends types.AppData>(
  router: types.Router,
  appData: (source: 'mic' | 'camera') => D,
): Promise<RtpSpeaker<D>> {
  const videoIn = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
  const audioIn = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: true, comedia: false });
  const [vFrom, vRtcpFrom, aFrom, aRtcpFrom] = [
    await freeUdpPort(),
    await freeUdpPort(),
    await freeUdpPort(),
    await freeUdpPort(),
  ];
  await videoIn.connect({ ip: '127.0.0.1', port: vFrom });
  await audioIn.connect({ ip: '127.0.0.1', port: aFrom });
  const camera = await videoIn.produce<D>({
    kind: 'video',
    rtpParameters: {
      codecs: [
        {
          mimeType: 'video/VP8',
          payloadType: VIDEO_PT,
          clockRate: 90000,
          rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
        },
      ],
      encodings: [{ ssrc: VIDEO_SSRC }],
    },
    appData: appData('camera'),
  });
  const mic = await audioIn.produce<D>({
    kind: 'audio',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: AUDIO_PT, clockRate: 48000, channels: 2 }],
      encodings: [{ ssrc: AUDIO_SSRC }],
    },
    appData: appData('mic'),
  });
  const v = videoIn.tuple.localPort;
  const a = audioIn.tuple.localPort;
  const ffmpeg = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
      ...['-re', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15'],
      ...['-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
      ...['-map', '0:v', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k', '-g', '15'],
      ...['-payload_type', String(VIDEO_PT), '-ssrc', String(VIDEO_SSRC), '-f', 'rtp'],
      `rtp://127.0.0.1:${v}?rtcpport=${v}&localrtpport=${vFrom}&localrtcpport=${vRtcpFrom}&pkt_size=1200`,
      ...['-map', '1:a', '-c:a', 'libopus', '-ac', '2', '-b:a', '48k'],
      ...['-payload_type', String(AUDIO_PT), '-ssrc', String(AUDIO_SSRC), '-f', 'rtp'],
      `rtp://127.0.0.1:${a}?rtcpport=${a}&localrtpport=${aFrom}&localrtcpport=${aRtcpFrom}&pkt_size=1200`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return {
    camera,
    mic,
    ffmpeg,
    stop() {
      ffmpeg.kill('SIGKILL');
      videoIn.close();
      audioIn.close();
    },
  };
}

/** Bytes a producer has received so far. */
export async function bytesIn(producer: types.Producer): Promise<number> {
  return (await producer.getStats()).reduce((sum, s) => sum + s.byteCount, 0);
}

/** Polls `check` every 50 ms until it holds (tests wait for what they need, not for a fixed time). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
