// Fixtures for media tests: a silent logger, a pool on free ports, RTP parameters a browser could send, and a sink
// that records notifications and lets a test wait for one.
import { EventEmitter } from 'node:events';
import pino from 'pino';
import type { RtpParametersInput } from '../../media/signaling.ts';
import type { MeetingNotification, NotificationMethod } from '../../media/signaling.ts';
import type { RoomSink } from '../../media/Room.ts';
import { WorkerPool } from '../../media/WorkerPool.ts';

export const silentLog = pino({ level: 'silent' });

export function testPool(workers = 1): WorkerPool {
  return WorkerPool.create({
    workers,
    listenIp: '127.0.0.1',
    announcedIp: '127.0.0.1',
    port: 0,
    logLevel: 'error',
    log: silentLog,
  });
}

export function videoRtp(ssrc: number): RtpParametersInput {
  return {
    mid: String(ssrc),
    codecs: [
      {
        mimeType: 'video/VP8',
        payloadType: 96,
        clockRate: 90000,
        rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
      },
    ],
    headerExtensions: [],
    encodings: [{ ssrc }],
    rtcp: { cname: `test-${ssrc}`, reducedSize: true },
  };
}

/** A camera as browsers send it with simulcast: one VP8 stream in three spatial layers (rids r0–r2, low to high). */
export function simulcastRtp(ssrc: number): RtpParametersInput {
  return {
    ...videoRtp(ssrc),
    headerExtensions: [
      { uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1 },
      { uri: 'urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id', id: 10 },
    ],
    encodings: [
      { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 120_000 },
      { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 350_000 },
      { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 900_000 },
    ],
  };
}

export function audioRtp(ssrc: number): RtpParametersInput {
  return {
    mid: String(ssrc),
    codecs: [
      { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 } },
    ],
    encodings: [{ ssrc }],
    rtcp: { cname: `test-${ssrc}`, reducedSize: true },
  };
}

export class RecordingSink implements RoomSink {
  readonly sent: Array<{ peerId: string; notification: MeetingNotification }> = [];
  private readonly events = new EventEmitter();

  notify(peerId: string, notification: MeetingNotification): void {
    this.sent.push({ peerId, notification });
    this.events.emit(notification.method, peerId, notification);
  }

  of(peerId: string, method: NotificationMethod): MeetingNotification[] {
    return this.sent.filter((s) => s.peerId === peerId && s.notification.method === method).map((s) => s.notification);
  }

  /** Resolves when `method` is next sent (to `peerId`, when given). */
  next(method: NotificationMethod, peerId?: string): Promise<MeetingNotification> {
    return new Promise((resolve) => {
      const listener = (to: string, notification: MeetingNotification) => {
        if (peerId && to !== peerId) return;
        this.events.off(method, listener);
        resolve(notification);
      };
      this.events.on(method, listener);
    });
  }
}
