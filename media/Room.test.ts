// Room and Peer against real mediasoup workers: lifecycle (close twice, children first), producing and consuming,
// hostile parameters, spreading over routers with pipeToRouter, and rebuilding after the worker dies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  audioRtp,
  RecordingSink,
  silentLog,
  simulcastRtp,
  testPool,
  videoRtp,
} from '../tests/support/mediaFixtures.ts';
import { rtpCapabilitiesSchema, type RtpParametersInput } from './signaling.ts';
import { Room } from './Room.ts';
import type { WorkerPool } from './WorkerPool.ts';

let pool: WorkerPool;
let sink: RecordingSink;
let rooms: Room[];

beforeEach(() => {
  pool = testPool(2);
  sink = new RecordingSink();
  rooms = [];
});
afterEach(() => {
  for (const room of rooms) room.close();
  pool.close();
});

async function newRoom(id = 'm1', consumersPerRouter = 400): Promise<Room> {
  const room = await Room.create({ id, pool, consumersPerRouter, iceServers: [], log: silentLog, sink });
  rooms.push(room);
  return room;
}

/** A peer with both transports and media enabled, as a browser would leave it after joining. */
async function joined(room: Room, id: string) {
  const peer = room.addPeer({ id, userId: `user-${id}`, displayName: id });
  await room.enableMedia(id, rtpCapabilitiesSchema.parse(room.rtpCapabilities));
  const send = await room.createTransport(id, 'send');
  const recv = await room.createTransport(id, 'recv');
  return { peer, send: send.id, recv: recv.id };
}

describe('Room', () => {
  it('forwards a producer to every other peer and tells them about it', async () => {
    const room = await newRoom();
    const a = await joined(room, 'a');
    await joined(room, 'b');
    const camera = await room.produce('a', {
      transportId: a.send,
      kind: 'video',
      source: 'camera',
      rtpParameters: videoRtp(1001),
      paused: false,
    });
    expect(sink.of('b', 'producerAdded')).toHaveLength(1);
    expect(sink.of('a', 'producerAdded')).toHaveLength(0);
    const consumer = await room.consume('b', camera.id);
    expect(consumer).toMatchObject({ producerId: camera.id, peerId: 'a', kind: 'video', source: 'camera' });
    await room.setConsumerPaused('b', consumer.consumerId, false);
    expect(room.peer('b').consumers.get(consumer.consumerId)?.paused).toBe(false);
    await expect(room.consume('b', camera.id)).rejects.toMatchObject({ code: 'cannot_consume' });
    await expect(room.consume('a', camera.id)).rejects.toMatchObject({ code: 'cannot_consume' });
  });

  it('forwards a simulcast camera as a simulcast consumer whose layer the receiver picks', async () => {
    const room = await newRoom();
    const a = await joined(room, 'a');
    await joined(room, 'b');
    const camera = await room.produce('a', {
      transportId: a.send,
      kind: 'video',
      source: 'camera',
      rtpParameters: simulcastRtp(1101),
      paused: false,
    });
    expect(camera.type).toBe('simulcast');
    const { consumerId } = await room.consume('b', camera.id);
    const consumer = room.peer('b').consumers.get(consumerId)!;
    expect(consumer.type).toBe('simulcast');
    await room.setPreferredLayers('b', consumerId, 0);
    expect(consumer.preferredLayers?.spatialLayer).toBe(0);
    await room.setPreferredLayers('b', consumerId, 2);
    expect(consumer.preferredLayers?.spatialLayer).toBe(2);
  });

  it('refuses to consume a producer of another meeting', async () => {
    const room = await newRoom('m1');
    const other = await newRoom('m2');
    await joined(room, 'a');
    const x = await joined(other, 'x');
    const foreign = await other.produce('x', {
      transportId: x.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(2001),
      paused: false,
    });
    await expect(room.consume('a', foreign.id)).rejects.toMatchObject({ code: 'producer_not_found' });
  });

  it('refuses hostile RTP parameters cleanly and keeps working', async () => {
    const room = await newRoom();
    const a = await joined(room, 'a');
    const bad: RtpParametersInput[] = [
      { ...videoRtp(1), codecs: [{ mimeType: 'video/H265', payloadType: 96, clockRate: 90000 }] },
      { ...videoRtp(2), codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 12345 }] },
      {
        ...videoRtp(3),
        encodings: [
          { ssrc: 5, rid: 'a' },
          { ssrc: 5, rid: 'a' },
        ],
      },
    ];
    for (const rtpParameters of bad) {
      await expect(
        room.produce('a', { transportId: a.send, kind: 'video', source: 'camera', rtpParameters, paused: false }),
      ).rejects.toMatchObject({ code: 'invalid_rtp_parameters' });
    }
    await expect(
      room.produce('a', {
        transportId: a.recv,
        kind: 'audio',
        source: 'mic',
        rtpParameters: audioRtp(9),
        paused: false,
      }),
    ).rejects.toMatchObject({ code: 'transport_not_found' });
    const ok = await room.produce('a', {
      transportId: a.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(10),
      paused: false,
    });
    expect(ok.closed).toBe(false);
  });

  it('pauses a producer server-side and announces who did it', async () => {
    const room = await newRoom();
    const a = await joined(room, 'a');
    await joined(room, 'b');
    const mic = await room.produce('a', {
      transportId: a.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(3001),
      paused: false,
    });
    const consumer = await room.consume('b', mic.id);
    await room.setProducerPaused('a', mic.id, true, true);
    expect(mic.paused).toBe(true);
    await expect.poll(() => room.peer('b').consumers.get(consumer.consumerId)?.producerPaused).toBe(true);
    expect(sink.of('a', 'producerPaused').at(-1)).toEqual({
      method: 'producerPaused',
      data: { peerId: 'a', producerId: mic.id, paused: true, byHost: true },
    });
  });

  it('closes a producer for the host and its consumers go with it', async () => {
    const room = await newRoom();
    const a = await joined(room, 'a');
    await joined(room, 'b');
    const screen = await room.produce('a', {
      transportId: a.send,
      kind: 'video',
      source: 'screen',
      rtpParameters: videoRtp(4001),
      paused: false,
    });
    const consumer = await room.consume('b', screen.id);
    const consumerClosed = sink.next('consumerClosed', 'b');
    room.closeProducer('a', screen.id, true);
    expect(sink.of('b', 'producerClosed').at(-1)?.data).toMatchObject({
      producerId: screen.id,
      source: 'screen',
      byHost: true,
    });
    expect((await consumerClosed).data).toEqual({ consumerId: consumer.consumerId });
    expect(room.peer('b').consumers.size).toBe(0);
  });

  it('answers requests racing with a closing producer with "gone", not an internal error', async () => {
    const room = await newRoom();
    const a = await joined(room, 'a');
    await joined(room, 'b');
    await joined(room, 'c');
    const mic = await room.produce('a', {
      transportId: a.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(4501),
      paused: false,
    });
    const cam = await room.produce('a', {
      transportId: a.send,
      kind: 'video',
      source: 'camera',
      rtpParameters: simulcastRtp(4502),
      paused: false,
    });
    const micConsumer = await room.consume('b', mic.id);
    const camConsumer = await room.consume('b', cam.id);
    // The producers close while the browser is still asking about them (their owner left).
    const asked = Promise.allSettled([
      room.consume('c', cam.id),
      room.setConsumerPaused('b', micConsumer.consumerId, false),
      room.setPreferredLayers('b', camConsumer.consumerId, 1),
    ]);
    room.closeProducer('a', mic.id, false);
    room.closeProducer('a', cam.id, false);
    const codes = (await asked).map((r) =>
      r.status === 'rejected' ? (r.reason as { code?: string }).code : 'answered',
    );
    expect(codes).toEqual(['producer_not_found', 'consumer_not_found', 'consumer_not_found']);
    await expect(room.setProducerPaused('a', mic.id, true, false)).rejects.toMatchObject({
      code: 'producer_not_found',
    });
  });

  it('spreads onto another router near its consumer budget and pipes producers across', async () => {
    const room = await newRoom('big', 2);
    const a = await joined(room, 'a');
    const mic = await room.produce('a', {
      transportId: a.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(5001),
      paused: false,
    });
    const cam = await room.produce('a', {
      transportId: a.send,
      kind: 'video',
      source: 'camera',
      rtpParameters: videoRtp(5002),
      paused: false,
    });
    await joined(room, 'b');
    await room.consume('b', mic.id);
    await room.consume('b', cam.id);
    await joined(room, 'c');
    expect(room.routerCount).toBe(2);
    expect(room.peer('c').router).not.toBe(room.peer('a').router);
    const piped = await room.consume('c', cam.id);
    expect(piped.producerId).toBe(cam.id);
    expect(
      new Set(
        pool
          .stats()
          .filter((s) => s.routers > 0)
          .map((s) => s.index),
      ).size,
    ).toBe(2);
    // A pause at the source reaches the consumer on the other router through the pipe.
    await room.setProducerPaused('a', cam.id, true, true);
    await expect.poll(() => room.peer('c').consumers.get(piped.consumerId)?.producerPaused).toBe(true);
  });

  it('closes peers before routers, and closing twice is harmless', async () => {
    const room = await newRoom();
    const a = await joined(room, 'a');
    const mic = await room.produce('a', {
      transportId: a.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(6001),
      paused: false,
    });
    const peer = room.peer('a');
    const transport = [...peer.transports.values()][0]!;
    room.close();
    room.close();
    expect(room.closed).toBe(true);
    expect(peer.closed).toBe(true);
    expect(mic.closed).toBe(true);
    expect(transport.closed).toBe(true);
    expect(sink.of('a', 'producerClosed')).toHaveLength(0);
    expect(() => room.addPeer({ id: 'late', userId: 'u', displayName: 'late' })).toThrow(/closed/);
    await expect(room.createTransport('a', 'send')).rejects.toMatchObject({ code: 'room_closed' });
    peer.close();
    expect(peer.transports.size).toBe(0);
  });

  it('rebuilds on a new worker when its worker dies and tells every peer to set up media again', async () => {
    const room = await newRoom();
    const a = await joined(room, 'a');
    await joined(room, 'b');
    await room.produce('a', {
      transportId: a.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(7001),
      paused: false,
    });
    const pid = pool.stats().find((s) => s.routers > 0)!.pid;
    const resetA = sink.next('mediaReset', 'a');
    const resetB = sink.next('mediaReset', 'b');
    process.kill(pid, 'SIGKILL');
    await Promise.all([resetA, resetB]);
    expect(room.peer('a').producers.size).toBe(0);
    expect(room.peer('a').transports.size).toBe(0);
    expect(sink.of('b', 'producerClosed')).toHaveLength(0);
    // Media works again on the new router.
    const again = await joined2(room, 'a');
    await joined2(room, 'b');
    const mic = await room.produce('a', {
      transportId: again.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(7002),
      paused: false,
    });
    expect((await room.consume('b', mic.id)).producerId).toBe(mic.id);
  });
});

/** Sets up media again for a peer that is still in the room. */
async function joined2(room: Room, id: string) {
  await room.enableMedia(id, rtpCapabilitiesSchema.parse(room.rtpCapabilities));
  const send = await room.createTransport(id, 'send');
  const recv = await room.createTransport(id, 'recv');
  return { send: send.id, recv: recv.id };
}
