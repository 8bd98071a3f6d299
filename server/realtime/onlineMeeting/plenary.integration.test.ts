// Plenary meetings (全体会议/宣讲会) over real socket.io and real mediasoup workers: only the host and the speakers
// they give the floor send media (refused on the server, granted and taken back by the host, audited), the capacity
// holds against people joining at once, people are dealt out over the workers, and display reports are validated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/testApp.ts';
import { MeetingSocket, scheduleOnlineMeeting } from '../../../tests/support/onlineMeeting.ts';
import { audioRtp, videoRtp } from '../../../tests/support/mediaFixtures.ts';
import { rtpCapabilitiesSchema, type JoinResult } from '../../../media/signaling.ts';

const CAPACITY = 4;

let t: TestApp;
let url: string;
const sockets: MeetingSocket[] = [];

beforeAll(async () => {
  t = await createTestApp({
    config: {
      mediaPort: 0,
      mediaWorkers: 2,
      mediaListenIp: '127.0.0.1',
      mediaAnnouncedIp: '127.0.0.1',
      authRateLimit: 1000,
      plenaryCapacity: CAPACITY,
    },
  });
  url = await t.listen();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

async function as(username: string): Promise<MeetingSocket> {
  const s = await MeetingSocket.connect(t, url, username);
  sockets.push(s);
  return s;
}

function joined(result: JoinResult): Extract<JoinResult, { status: 'joined' }> {
  if (result.status !== 'joined') throw new Error(`expected to join, got ${result.status}`);
  return result;
}

async function withMedia(s: MeetingSocket, meetingId: string) {
  const join = joined(await s.request('join', { meetingId }));
  await s.request('enableMedia', { rtpCapabilities: rtpCapabilitiesSchema.parse(join.routerRtpCapabilities) });
  const send = await s.request('createTransport', { direction: 'send' });
  const recv = await s.request('createTransport', { direction: 'recv' });
  return { join, send: send.id, recv: recv.id };
}

describe('plenary meetings', () => {
  it('lets only the host and speakers with the floor send media, granted and taken back by the host', async () => {
    const { meetingId } = await scheduleOnlineMeeting(t, {
      host: 'wanglei',
      participants: ['zhangwei', 'hejun'],
      plenary: true,
    });
    const host = await as('wanglei');
    const viewer = await as('zhangwei');
    const other = await as('hejun');
    const h = await withMedia(host, meetingId);
    expect(h.join.room).toMatchObject({ plenary: true, capacity: CAPACITY });
    expect(h.join.self.speaker).toBe(true);
    const v = await withMedia(viewer, meetingId);
    await withMedia(other, meetingId);
    expect(v.join.self.speaker).toBe(false);
    const viewerPeer = v.join.self.peerId;

    // The host sends; a viewer is refused on the server with a clear message in both languages.
    expect(
      await host.ask('produce', { transportId: h.send, kind: 'audio', source: 'mic', rtpParameters: audioRtp(7001) }),
    ).toMatchObject({ ok: true });
    for (const [kind, source, rtpParameters] of [
      ['audio', 'mic', audioRtp(7101)],
      ['video', 'camera', videoRtp(7102)],
      ['video', 'screen', videoRtp(7103)],
    ] as const) {
      const refused = await viewer.ask('produce', { transportId: v.send, kind, source, rtpParameters });
      expect(refused).toMatchObject({ ok: false, code: 'not_a_speaker' });
      if (refused.ok) throw new Error('refused');
      expect(refused.message).toContain('only the host and the speakers');
      expect(refused.message).toContain('发言权');
    }
    expect(t.app.svc.liveMeetings.peek(meetingId)!.room.peer(viewerPeer).producers.size).toBe(0);

    // Only the host names speakers.
    expect(await other.ask('setSpeaker', { peerId: viewerPeer, speaker: true })).toMatchObject({
      ok: false,
      code: 'not_host',
    });
    const granted = other.next('peerUpdated', (n) => n.data.peer.peerId === viewerPeer && n.data.peer.speaker);
    await host.request('setSpeaker', { peerId: viewerPeer, speaker: true });
    await granted;
    const mic = await viewer.request('produce', {
      transportId: v.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(7201),
    });

    // Taking the floor back stops what they send, and they cannot start again.
    const stopped = other.next('producerClosed', (n) => n.data.producerId === mic.producerId);
    await host.request('setSpeaker', { peerId: viewerPeer, speaker: false });
    expect((await stopped).data.byHost).toBe(true);
    expect(
      await viewer.ask('produce', { transportId: v.send, kind: 'audio', source: 'mic', rtpParameters: audioRtp(7301) }),
    ).toMatchObject({ ok: false, code: 'not_a_speaker' });

    const audits = await t.app.svc.db.auditEvent.findMany({
      where: { resourceId: meetingId, action: { in: ['meeting.speaker.grant', 'meeting.speaker.revoke'] } },
      orderBy: { seq: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual(['meeting.speaker.grant', 'meeting.speaker.revoke']);
  });

  it('has no speakers to name outside a plenary, where everyone sends', async () => {
    const { meetingId } = await scheduleOnlineMeeting(t, { host: 'lihua', participants: ['yangfan'] });
    const host = await as('lihua');
    const member = await as('yangfan');
    await withMedia(host, meetingId);
    const m = await withMedia(member, meetingId);
    expect(m.join.self.speaker).toBe(true);
    expect(m.join.room).toMatchObject({ plenary: false, capacity: null });
    expect(await host.ask('setSpeaker', { peerId: m.join.self.peerId, speaker: true })).toMatchObject({
      ok: false,
      code: 'not_plenary',
    });
    expect(
      await member.ask('produce', { transportId: m.send, kind: 'audio', source: 'mic', rtpParameters: audioRtp(7401) }),
    ).toMatchObject({ ok: true });
  });

  it('takes exactly its capacity besides the host when people join at once, and the host gets in when full', async () => {
    const people = ['chenming', 'liufang', 'sunyue', 'zhouqiang', 'wuli', 'qianwen', 'tangmin'];
    const { meetingId } = await scheduleOnlineMeeting(t, { host: 'guomin', participants: people, plenary: true });
    // The host is there first and does not take a place.
    const host = await as('guomin');
    joined(await host.request('join', { meetingId }));
    const sockets = await Promise.all(people.map((p) => as(p)));
    const answers = await Promise.all(sockets.map((s) => s.ask('join', { meetingId })));
    const ok = answers.filter((a) => a.ok);
    const full = answers.filter((a) => !a.ok);
    expect(ok).toHaveLength(CAPACITY);
    expect(full).toHaveLength(people.length - CAPACITY);
    for (const refusal of full) {
      expect(refusal).toMatchObject({ ok: false, code: 'meeting_full' });
      if (!refusal.ok) expect(refusal.message).toMatch(/full.*全体会议已满/);
    }
    expect(t.app.svc.liveMeetings.peek(meetingId)!.allMembers()).toHaveLength(CAPACITY + 1);
    // The host coming back (a new connection) into the full plenary still gets in.
    const again = await as('guomin');
    expect(joined(await again.request('join', { meetingId })).self.isHost).toBe(true);
  });

  it('deals people out over the workers and pipes a speaker to each of them', async () => {
    const people = ['songjia', 'xuyan', 'zhengkai'];
    const { meetingId } = await scheduleOnlineMeeting(t, { host: 'fengjie', participants: people, plenary: true });
    const host = await as('fengjie');
    const h = await withMedia(host, meetingId);
    const viewers = await Promise.all(people.map((p) => as(p)));
    const joins = await Promise.all(viewers.map((s) => withMedia(s, meetingId)));
    const room = t.app.svc.liveMeetings.peek(meetingId)!.room;
    const layout = room.routerLayout();
    expect(layout.map((l) => l.worker).sort()).toEqual([0, 1]);
    expect(layout.map((l) => l.peers).sort()).toEqual([2, 2]);

    const camera = await host.request('produce', {
      transportId: h.send,
      kind: 'video',
      source: 'camera',
      rtpParameters: videoRtp(7501),
    });
    const consumers = await Promise.all(viewers.map((s) => s.request('consume', { producerId: camera.producerId })));
    expect(consumers.every((c) => c.producerId === camera.producerId)).toBe(true);
    // Each viewer's consumer sits on its own router: the camera reached the other worker through a pipe.
    const routersOfConsumers = new Set(joins.map((j) => room.peer(j.join.self.peerId).router!.id));
    expect(routersOfConsumers.size).toBe(2);
  });

  it('validates display reports and applies them', async () => {
    const { meetingId } = await scheduleOnlineMeeting(t, {
      host: 'linqiang',
      participants: ['matao'],
      plenary: true,
    });
    const host = await as('linqiang');
    const viewer = await as('matao');
    const h = await withMedia(host, meetingId);
    const v = await withMedia(viewer, meetingId);
    const bad: unknown[] = [
      { speaker: true, screens: [], tiles: [{ peerId: 'a', size: 'huge' }] },
      { speaker: true, screens: [] },
      { speaker: 'yes', screens: [], tiles: [] },
      {
        speaker: true,
        screens: [],
        tiles: [
          { peerId: 'a', size: 'small' },
          { peerId: 'a', size: 'large' },
        ],
      },
      { speaker: true, screens: [], tiles: Array.from({ length: 60 }, (_, i) => ({ peerId: `p${i}`, size: 'small' })) },
      { speaker: true, screens: ['a', 'b', 'c', 'd', 'e'], tiles: [] },
      { speaker: true, screens: [], tiles: [], extra: 1 },
    ];
    for (const data of bad)
      expect(
        await viewer.socket.timeout(5000).emitWithAck('meeting:request', { method: 'reportDisplay', data }),
      ).toMatchObject({ ok: false, code: 'invalid_message' });
    const camera = await host.request('produce', {
      transportId: h.send,
      kind: 'video',
      source: 'camera',
      rtpParameters: videoRtp(7601),
    });
    const consumer = await viewer.request('consume', { producerId: camera.producerId });
    await viewer.request('resumeConsumer', { consumerId: consumer.consumerId });
    const live = t.app.svc.liveMeetings
      .peek(meetingId)!
      .room.peer(v.join.self.peerId)
      .consumers.get(consumer.consumerId)!;
    expect(live.paused).toBe(false);
    // The host's tile is not on view (and they are not the active speaker): paused on the server.
    await viewer.request('reportDisplay', { speaker: true, screens: [], tiles: [] });
    expect(live.paused).toBe(true);
    await viewer.request('reportDisplay', {
      speaker: false,
      screens: [],
      tiles: [{ peerId: h.join.self.peerId, size: 'small' }],
    });
    expect(live.paused).toBe(false);
  });
});
