// UDP ports for ffmpeg to receive a recording's RTP on loopback. A free port found by binding port 0 comes from the
// system's ephemeral range, which mediasoup's workers (10000–59999) and every outgoing socket share, so another
// process could take it between our check and ffmpeg's bind. Recorder ports come from 61000–65535 instead, above
// both, as an even port with the next one free too (ffmpeg binds an RTCP port beside its RTP port), and a port given
// out is not given out again by this process for a while.
import dgram from 'node:dgram';

const RECORDER_PORTS = { from: 61_000, to: 65_534 };
const REUSE_AFTER_MS = 60_000;
const handedOut = new Map<number, number>();

/** A free UDP port on loopback from the system's ephemeral range (for senders in tests). */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '0.0.0.0', () => socket.close(() => resolve(true)));
  });
}

/** An even port (with the next one) for ffmpeg to listen on. */
export async function recorderPort(): Promise<number> {
  const now = performance.now();
  for (const [port, at] of handedOut) if (now - at > REUSE_AFTER_MS) handedOut.delete(port);
  const span = (RECORDER_PORTS.to - RECORDER_PORTS.from) / 2;
  for (let attempt = 0; attempt < 64; attempt++) {
    const port = RECORDER_PORTS.from + 2 * Math.floor(Math.random() * span);
    if (handedOut.has(port)) continue;
    if ((await isFree(port)) && (await isFree(port + 1))) {
      handedOut.set(port, now);
      return port;
    }
  }
  throw new Error('no free UDP port for the recorder in 61000–65535');
}
