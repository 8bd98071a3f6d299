// A plenary Room against real mediasoup workers: routers on every worker with people dealt out over them and
// speakers piped ahead, and last-N (what each viewer displays decides what is forwarded and at which layer).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { audioRtp, RecordingSink, silentLog, simulcastRtp, testPool } from '../tests/support/mediaFixtures.ts';
import { rtpCapabilitiesSchema } from './signaling.ts';
import { Room } from './Room.ts';
import type { WorkerPool } from './WorkerPool.ts';

let pool: WorkerPool;
let rooms: Room[];

beforeEach(() => {
  pool = testPool(2);
  rooms = [];
});
afterEach(() => {
  for (const room of rooms) room.close();
  pool.close();
});

async function plenary(): Promise<Room> {
  const room = await Room.create({
    id: 'plenary',
    pool,
    consumersPerRouter: 400,
    plenary: true,
    iceServers: [],
    log: silentLog,
    sink: new RecordingSink(),
  });
  rooms.push(room);
  return room;
}

/** A peer with both transports, asked for at once as mediasoup-client's session does. */
async function joined(room: Room, id: string) {
  const peer = room.addPeer({ id, userId: `user-${id}`, displayName: id });
  await room.enableMedia(id, rtpCapabilitiesSchema.parse(room.rtpCapabilities));
  const [send] = await Promise.all([room.createTransport(id, 'send'), room.createTransport(id, 'recv')]);
  return { peer, send: send.id };
}

/** Consumes a producer and resumes it, as a browser does once its consumer is ready. */
async function receive(room: Room, peerId: string, producerId: string) {
  const view = await room.consume(peerId, producerId);
  await room.setConsumerPaused(peerId, view.consumerId, false);
  return room.peer(peerId).consumers.get(view.consumerId)!;
}

describe('plenary Room', () => {
  it('opens a router on every worker, deals people out evenly and pipes speakers ahead', async () => {
    const room = await plenary();
    expect(room.routerLayout().map((l) => l.worker)).toEqual([0, 1]);
    // Arriving together, as hundreds of viewers do when a plenary starts.
    const people = await Promise.all(['s', 'v1', 'v2', 'v3', 'v4', 'v5'].map((id) => joined(room, id)));
    expect(room.routerLayout().map((l) => l.peers)).toEqual([3, 3]);
    // Both transports of each person, asked for at once, on the one router they were dealt to (counted once).
    expect(people.map(({ peer }) => peer.transports.size)).toEqual([2, 2, 2, 2, 2, 2]);
    const speaker = people[0]!;
    const camera = await room.produce('s', {
      transportId: speaker.send,
      kind: 'video',
      source: 'camera',
      rtpParameters: simulcastRtp(9001),
      paused: false,
    });
    // Piped ahead to the other router: a pipe consumer appears there before any viewer asks.
    const home = room.routerLayout().find((l) => l.routerId === speaker.peer.router!.id)!;
    await expect.poll(() => room.routerLayout().find((l) => l.routerId === home.routerId)!.consumers).toBe(1);
    const consumers = await Promise.all(['v1', 'v2', 'v3', 'v4', 'v5'].map((id) => receive(room, id, camera.id)));
    expect(consumers.every((c) => !c.paused && c.type === 'simulcast')).toBe(true);
    const routers = new Set(['v1', 'v2', 'v3', 'v4', 'v5'].map((id) => room.peer(id).router!.id));
    expect(routers.size).toBe(2);

    // Leaving frees the place: the next person goes where there is most room.
    room.removePeer('v1');
    room.removePeer('v3');
    room.removePeer('v5');
    const before = room.routerLayout().map((l) => l.peers);
    await joined(room, 'late');
    const after = room.routerLayout().map((l) => l.peers);
    const fuller = before.indexOf(Math.max(...before));
    expect(after[fuller]).toBe(before[fuller]);
  });

  it('forwards only what a viewer displays: the active speaker and screens at the best layer, small tiles lowest', async () => {
    const room = await plenary();
    const a = await joined(room, 'a');
    const b = await joined(room, 'b');
    await joined(room, 'viewer');
    const produce = (peerId: string, transportId: string, source: 'camera' | 'screen', ssrc: number) =>
      room.produce(peerId, { transportId, kind: 'video', source, rtpParameters: simulcastRtp(ssrc), paused: false });
    const aCam = await receive(room, 'viewer', (await produce('a', a.send, 'camera', 9101)).id);
    const aScreen = await receive(room, 'viewer', (await produce('a', a.send, 'screen', 9102)).id);
    const bCam = await receive(room, 'viewer', (await produce('b', b.send, 'camera', 9103)).id);
    const aMic = await receive(
      room,
      'viewer',
      (
        await room.produce('a', {
          transportId: a.send,
          kind: 'audio',
          source: 'mic',
          rtpParameters: audioRtp(9104),
          paused: false,
        })
      ).id,
    );
    // Until the viewer says what it shows, everything is forwarded.
    expect([aCam, aScreen, bCam, aMic].map((c) => c.paused)).toEqual([false, false, false, false]);

    // The speaker view with b in a small tile, no screen on view, nobody speaking yet.
    await room.setDisplay('viewer', { speaker: true, screens: [], tiles: [{ peerId: 'b', size: 'small' }] });
    expect(aCam.paused).toBe(true);
    expect(aScreen.paused).toBe(true);
    expect(bCam.paused).toBe(false);
    expect(bCam.preferredLayers?.spatialLayer).toBe(0);
    expect(aMic.paused).toBe(false);

    // a becomes the active speaker: their camera comes back at the best layer.
    room['setActiveSpeaker']('a');
    await expect.poll(() => aCam.paused).toBe(false);
    expect(aCam.preferredLayers?.spatialLayer).toBe(2);
    // b speaks: a's tile is not on view any more, b (still a small tile too) gets the best layer as the speaker.
    room['setActiveSpeaker']('b');
    await expect.poll(() => aCam.paused).toBe(true);
    await expect.poll(() => bCam.preferredLayers?.spatialLayer).toBe(2);

    // The screen on view: at the best layer. b's tile large.
    await room.setDisplay('viewer', { speaker: false, screens: ['a'], tiles: [{ peerId: 'b', size: 'large' }] });
    expect(aScreen.paused).toBe(false);
    expect(aScreen.preferredLayers?.spatialLayer).toBe(2);
    expect(bCam.preferredLayers?.spatialLayer).toBe(2);
    expect(aCam.paused).toBe(true);

    // What the browser holds paused stays paused whatever is on view.
    await room.setConsumerPaused('viewer', bCam.id, true);
    await room.setDisplay('viewer', { speaker: true, screens: ['a'], tiles: [{ peerId: 'b', size: 'large' }] });
    expect(bCam.paused).toBe(true);
    await room.setConsumerPaused('viewer', bCam.id, false);
    expect(bCam.paused).toBe(false);
    // And a consumer whose tile is off view stays paused when the browser resumes it.
    await room.setConsumerPaused('viewer', aCam.id, false);
    expect(aCam.paused).toBe(true);
  });

  it('decides the layer in one place: once a viewer reports its display, its browser’s own layer requests change nothing', async () => {
    const room = await plenary();
    const a = await joined(room, 'a');
    const b = await joined(room, 'b');
    await joined(room, 'viewer');
    const camera = async (peerId: string, transportId: string, ssrc: number) =>
      receive(
        room,
        'viewer',
        (
          await room.produce(peerId, {
            transportId,
            kind: 'video',
            source: 'camera',
            rtpParameters: simulcastRtp(ssrc),
            paused: false,
          })
        ).id,
      );
    const aCam = await camera('a', a.send, 9201);
    const bCam = await camera('b', b.send, 9202);

    // Before any report (an ordinary meeting works so throughout) the browser's choice stands.
    await room.setPreferredLayers('viewer', aCam.id, 1);
    expect(aCam.preferredLayers?.spatialLayer).toBe(1);

    // The viewer shows a as the active speaker and b in a medium tile.
    room['setActiveSpeaker']('a');
    await room.setDisplay('viewer', { speaker: true, screens: [], tiles: [{ peerId: 'b', size: 'medium' }] });
    expect(aCam.preferredLayers?.spatialLayer).toBe(2);
    expect(bCam.preferredLayers?.spatialLayer).toBe(1);

    // A late or stale request from the browser (its grid thought the tiles small) does not undo that.
    await room.setPreferredLayers('viewer', aCam.id, 0);
    await room.setPreferredLayers('viewer', bCam.id, 2);
    expect(aCam.preferredLayers?.spatialLayer).toBe(2);
    expect(bCam.preferredLayers?.spatialLayer).toBe(1);
    expect([aCam.paused, bCam.paused]).toEqual([false, false]);

    // Nor does resuming (the browser lets its consumer go): the server's layer is kept.
    await room.setConsumerPaused('viewer', bCam.id, true);
    expect(bCam.paused).toBe(true);
    await room.setConsumerPaused('viewer', bCam.id, false);
    expect(bCam.paused).toBe(false);
    expect(bCam.preferredLayers?.spatialLayer).toBe(1);

    // The speaker changes: the server follows, the browser's earlier request for b's best layer still counts for nothing.
    room['setActiveSpeaker']('b');
    await expect.poll(() => bCam.preferredLayers?.spatialLayer).toBe(2);
    await expect.poll(() => aCam.paused).toBe(true);
    room['setActiveSpeaker'](null);
    await expect.poll(() => bCam.preferredLayers?.spatialLayer).toBe(1);
  });
});
