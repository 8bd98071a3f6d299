import { describe, expect, it } from 'vitest';
import type { MeetingMethod, ProducerView, RequestData } from '../../../../../../media/signaling.ts';
import type { Requester } from './MediaSession.ts';
import { RemoteMediaSet, type ReceivedMedia, type ReceivingSession } from './RemoteMediaSet.ts';

/** Records the requests the set sends about consumers (the server answers each with nothing). */
function recorder() {
  const sent: string[] = [];
  const request = (async <M extends MeetingMethod>(method: M, data: RequestData<M>) => {
    const d = data as { consumerId?: string; spatialLayer?: number };
    sent.push(`${method} ${d.consumerId ?? ''}${d.spatialLayer === undefined ? '' : ` layer ${d.spatialLayer}`}`);
    return {};
  }) as Requester;
  return { sent, request };
}

/** A media session whose consumers are named after their producers. */
function session(): ReceivingSession & { dropped: string[] } {
  const dropped: string[] = [];
  return {
    dropped,
    consume: (producerId: string) => {
      const consumer: ReceivedMedia = {
        id: `c-${producerId}`,
        // Node has no MediaStreamTrack; the set only hands the track on to the page.
        track: { id: `t-${producerId}` } as unknown as MediaStreamTrack,
        on: () => undefined,
        close: () => undefined,
      };
      return Promise.resolve({ consumer });
    },
    dropConsumer: (consumerId: string) => dropped.push(consumerId),
  };
}

const producer = (producerId: string, source: ProducerView['source']): ProducerView => ({
  producerId,
  kind: source === 'mic' ? 'audio' : 'video',
  source,
  paused: false,
});

describe('RemoteMediaSet', () => {
  it('forwards only the cameras of tiles on screen, at the layer their size calls for; audio and screens always', async () => {
    const { sent, request } = recorder();
    const set = new RemoteMediaSet(request, () => undefined);
    set.remember('a', producer('a-cam', 'camera'));
    set.remember('a', producer('a-mic', 'mic'));
    set.remember('b', producer('b-cam', 'camera'));
    set.remember('c', producer('c-screen', 'screen'));
    set.setVisible(['a'], 1);
    await set.consumeAll(session(), () => true);
    // Consumers start paused on the server: b's camera (off screen) is simply never resumed.
    expect(sent.sort()).toEqual([
      'resumeConsumer c-a-cam',
      'resumeConsumer c-a-mic',
      'resumeConsumer c-c-screen',
      'setPreferredLayers c-a-cam layer 1',
      'setPreferredLayers c-c-screen layer 2',
    ]);
    const paused = () => Object.fromEntries(set.list().map((m) => [m.producerId, m.consumerPaused]));
    expect(paused()).toEqual({ 'a-cam': false, 'a-mic': false, 'b-cam': true, 'c-screen': false });

    // The next page shows b instead of a: a's camera is paused on the server, b's resumed.
    sent.length = 0;
    set.setVisible(['b'], 2);
    await expect.poll(() => sent.length).toBe(4);
    expect(sent.sort()).toEqual([
      'pauseConsumer c-a-cam',
      'resumeConsumer c-b-cam',
      'setPreferredLayers c-b-cam layer 2',
      'setPreferredLayers c-c-screen layer 2',
    ]);
    expect(paused()).toEqual({ 'a-cam': true, 'a-mic': false, 'b-cam': false, 'c-screen': false });
  });

  it('in a plenary lets each consumer go once and asks for no pause or layer: the server decides from the display', async () => {
    const { sent, request } = recorder();
    const set = new RemoteMediaSet(request, () => undefined);
    set.setServerDecides(true);
    set.remember('a', producer('a-cam', 'camera'));
    set.remember('b', producer('b-cam', 'camera'));
    set.remember('c', producer('c-screen', 'screen'));
    set.setVisible(['a'], 0);
    await set.consumeAll(session(), () => true);
    expect(sent.sort()).toEqual(['resumeConsumer c-a-cam', 'resumeConsumer c-b-cam', 'resumeConsumer c-c-screen']);

    // Paging and tile sizes change what the page reports, not what this set asks for.
    sent.length = 0;
    set.setVisible(['b'], 2);
    set.setVisible([], 1);
    await Promise.resolve();
    expect(sent).toEqual([]);
    expect(set.list().every((m) => !m.consumerPaused)).toBe(true);
  });

  it('hands a consumer it paused itself back to the server when the meeting turns out to be a plenary', async () => {
    const { sent, request } = recorder();
    const set = new RemoteMediaSet(request, () => undefined);
    set.remember('a', producer('a-cam', 'camera'));
    set.setVisible([], 2);
    await set.consumeAll(session(), () => true);
    expect(sent).toEqual([]);
    set.setServerDecides(true);
    await expect.poll(() => sent).toEqual(['resumeConsumer c-a-cam']);
  });

  it('drops what a media session that is no longer current receives, and forgets closed producers', async () => {
    const { request } = recorder();
    const set = new RemoteMediaSet(request, () => undefined);
    const old = session();
    set.remember('a', producer('a-cam', 'camera'));
    await set.consumeAll(old, () => false);
    expect(set.list()[0]).toMatchObject({ consumerId: null, track: null });

    const live = session();
    await set.consumeAll(live, () => true);
    expect(set.list()[0]).toMatchObject({ consumerId: 'c-a-cam' });
    set.forget('a-cam', live);
    expect(live.dropped).toEqual(['c-a-cam']);
    expect(set.list()).toEqual([]);
  });
});
