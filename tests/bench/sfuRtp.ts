// A synthetic VP8 camera for the SFU benchmark: RTP over UDP on loopback at a fixed frame rate and bitrate, with a
// keyframe every second (mediasoup parses the VP8 payload descriptor and frame tag, so these are real enough to be
// forwarded, and new consumers get their keyframe). Plus a sink that counts what the consumers send it.
import dgram from 'node:dgram';

export const VP8_PAYLOAD_TYPE = 101;
export const VP8_SSRC = 0x1111_2222;
const CLOCK_RATE = 90_000;
const MTU_PAYLOAD = 1100;

export interface StreamShape {
  fps: number;
  /** Target bitrate in bits per second (keyframes are four times a delta frame). */
  bitrate: number;
  keyframeEveryFrames: number;
}

export class SyntheticVp8 {
  private readonly socket = dgram.createSocket('udp4');
  private seq = 0;
  private timestamp = 0;
  private frame = 0;
  private timer: NodeJS.Timeout | null = null;
  private keyframeRequested = false;
  /** RTP packets sent so far. */
  packets = 0;
  /** Keyframes sent because the SFU asked (PLI or FIR). */
  requestedKeyframes = 0;

  constructor(
    private readonly target: { ip: string; port: number },
    private readonly shape: StreamShape,
    /** Answer the SFU's keyframe requests (RTCP PLI/FIR) with the next frame, as a browser's encoder does. */
    options: { answerKeyframeRequests?: boolean } = {},
  ) {
    if (options.answerKeyframeRequests)
      this.socket.on('message', (msg) => {
        if (asksForKeyframe(msg)) this.keyframeRequested = true;
      });
  }

  start(): void {
    const interval = 1000 / this.shape.fps;
    const started = performance.now();
    // Paced against the wall clock rather than the timer, so timer jitter does not change the rate.
    this.timer = setInterval(
      () => {
        const due = Math.floor((performance.now() - started) / interval);
        while (this.frame < due) this.sendFrame();
      },
      Math.max(1, Math.floor(interval / 2)),
    );
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.socket.close();
  }

  private sendFrame(): void {
    const keyframe = this.frame % this.shape.keyframeEveryFrames === 0 || this.keyframeRequested;
    if (this.keyframeRequested) this.requestedKeyframes++;
    this.keyframeRequested = false;
    const deltaBytes = Math.round(this.shape.bitrate / 8 / this.shape.fps / 1.1);
    const frameBytes = keyframe ? deltaBytes * 4 : deltaBytes;
    const count = Math.max(1, Math.ceil(frameBytes / MTU_PAYLOAD));
    for (let i = 0; i < count; i++) {
      const last = i === count - 1;
      const size = Math.min(MTU_PAYLOAD, frameBytes - i * MTU_PAYLOAD);
      this.socket.send(this.packet(i === 0, last, keyframe, Math.max(size, 16)), this.target.port, this.target.ip);
      this.packets++;
    }
    this.frame++;
    this.timestamp = (this.timestamp + CLOCK_RATE / this.shape.fps) >>> 0;
  }

  private packet(first: boolean, marker: boolean, keyframe: boolean, payloadSize: number): Buffer {
    const DESCRIPTOR = 6;
    const buf = Buffer.alloc(12 + DESCRIPTOR + payloadSize);
    buf[0] = 0x80; // RTP version 2
    buf[1] = (marker ? 0x80 : 0) | VP8_PAYLOAD_TYPE;
    buf.writeUInt16BE(this.seq, 2);
    this.seq = (this.seq + 1) & 0xffff;
    buf.writeUInt32BE(this.timestamp, 4);
    buf.writeUInt32BE(VP8_SSRC, 8);
    // VP8 payload descriptor as browsers send it (mediasoup needs the extended form): X, and S on the first packet
    // of a frame; then I, L, T; a 15-bit picture id; TL0PICIDX; temporal layer 0.
    buf[12] = 0x80 | (first ? 0x10 : 0x00);
    buf[13] = 0xe0;
    const pictureId = this.frame & 0x7fff;
    buf[14] = 0x80 | (pictureId >> 8);
    buf[15] = pictureId & 0xff;
    buf[16] = this.frame & 0xff;
    buf[17] = 0x00;
    if (first) {
      // VP8 frame tag: bit 0 clear = keyframe; show_frame set. Keyframes carry the start code and 640×360.
      const tag = 12 + DESCRIPTOR;
      buf[tag] = keyframe ? 0x10 : 0x11;
      if (keyframe) {
        buf.set([0x9d, 0x01, 0x2a], tag + 3);
        buf.writeUInt16LE(640, tag + 6);
        buf.writeUInt16LE(360, tag + 8);
      }
    }
    return buf;
  }
}

/** Whether a (compound) RTCP packet holds a PLI (payload-specific feedback 206, FMT 1) or a FIR (206, FMT 4). */
function asksForKeyframe(msg: Buffer): boolean {
  for (let offset = 0; offset + 4 <= msg.length;) {
    const fmt = msg[offset]! & 0x1f;
    if (msg[offset + 1] === 206 && (fmt === 1 || fmt === 4)) return true;
    offset += (msg.readUInt16BE(offset + 2) + 1) * 4;
  }
  return false;
}

/** Counts the consumers' RTP packets arriving (by SSRC, which SRTP leaves in the clear; RTCP is not counted). */
export class PacketSink {
  private readonly socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 8 * 1024 * 1024 });
  readonly ssrcs = new Set<number>();
  rtpPackets = 0;
  /** Called once with the arrival time of the first packet of an SSRC waited for (a viewer's first media). */
  private readonly firstWaiters = new Map<number, (at: number) => void>();

  /** Resolves with the time (performance.now()) the first packet of this SSRC arrives; counts it from then on. */
  firstPacket(ssrc: number): Promise<number> {
    this.ssrcs.add(ssrc);
    return new Promise((resolve) => this.firstWaiters.set(ssrc, resolve));
  }

  async open(): Promise<number> {
    this.socket.on('message', (msg) => {
      if (msg.length < 12) return;
      const ssrc = msg.readUInt32BE(8);
      if (!this.ssrcs.has(ssrc)) return;
      this.rtpPackets++;
      const waiter = this.firstWaiters.get(ssrc);
      if (waiter) {
        this.firstWaiters.delete(ssrc);
        waiter(performance.now());
      }
    });
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', resolve));
    return this.socket.address().port;
  }

  close(): void {
    this.socket.close();
  }
}
