// Online-meeting signalling over real socket.io and real mediasoup workers: validation of every message, who may
// join (participants, the lobby with passcode, rate limiting), consuming only within one's meeting, the host's
// controls enforced on the server, chat history for late joiners, leaving, and the configured STUN/TURN servers.
import { describe, expect, it } from 'vitest';
import {
  joined,
  MeetingSocket,
  scheduleOnlineMeeting,
  useOnlineMeetingApp,
} from '../../../tests/support/onlineMeeting.ts';
import { audioRtp, videoRtp } from '../../../tests/support/mediaFixtures.ts';
import { rtpCapabilitiesSchema } from '../../../media/signaling.ts';

const ICE_SERVERS = [{ urls: 'turn:turn.example.gov.cn:3478', username: 'tongban', credential: 'secret' }];

const online = useOnlineMeetingApp({ iceServers: ICE_SERVERS });
const { as } = online;

/** Joins, enables media and opens a sending transport, as the browser does. */
async function withMedia(s: MeetingSocket, meetingId: string) {
  const join = joined(await s.request('join', { meetingId }));
  await s.request('enableMedia', { rtpCapabilities: rtpCapabilitiesSchema.parse(join.routerRtpCapabilities) });
  const send = await s.request('createTransport', { direction: 'send' });
  const recv = await s.request('createTransport', { direction: 'recv' });
  return { join, send: send.id, recv: recv.id };
}

describe('meeting signalling', () => {
  it('refuses malformed requests with a clear error and keeps serving', async () => {
    const s = await as('zhangwei');
    const bad: unknown[] = [
      null,
      42,
      'join',
      {},
      { method: 'join' },
      { method: 'explode', data: {} },
      { method: 'join', data: { meetingId: 7 } },
      { method: 'join', data: {} },
      { method: 'join', data: { meetingId: 'x', passcode: '12ab' } },
      { method: 'join', data: { meetingId: 'x', extra: true } },
      { method: 'produce', data: { transportId: 't', kind: 'audio', source: 'camera', rtpParameters: audioRtp(1) } },
      {
        method: 'produce',
        data: { transportId: 't', kind: 'audio', source: 'mic', rtpParameters: { codecs: 'opus' } },
      },
      {
        method: 'produce',
        data: {
          transportId: 't',
          kind: 'audio',
          source: 'mic',
          rtpParameters: { ...audioRtp(1), codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 }] },
        },
      },
      {
        method: 'produce',
        data: {
          transportId: 't',
          kind: 'audio',
          source: 'mic',
          rtpParameters: { ...audioRtp(1), encodings: Array.from({ length: 50 }, (_, i) => ({ ssrc: i + 1 })) },
        },
      },
      {
        method: 'produce',
        data: {
          transportId: 't',
          kind: 'audio',
          source: 'mic',
          rtpParameters: { ...audioRtp(1), codecs: [{ mimeType: 'audio/opus', payloadType: 1000, clockRate: 48000 }] },
        },
      },
      {
        method: 'connectTransport',
        data: { transportId: 't', dtlsParameters: { fingerprints: [{ algorithm: 'md5', value: 'zz' }] } },
      },
      { method: 'sendChat', data: { text: '   ', to: 'all' } },
      { method: 'sendChat', data: { text: 'x'.repeat(3000), to: 'all' } },
      { method: 'moderateMedia', data: { peerId: 'all', source: 'mic', action: 'explode' } },
    ];
    for (const payload of bad) {
      expect(await s.socket.timeout(5000).emitWithAck('meeting:request', payload)).toMatchObject({
        ok: false,
        code: 'invalid_message',
      });
    }
    expect(await s.ask('enableMedia', { rtpCapabilities: {} })).toMatchObject({ ok: false, code: 'not_in_meeting' });
    expect(await s.ask('join', { meetingId: 'no-such-meeting' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(s.socket.connected).toBe(true);
  });

  it("carries only its own meeting's signalling on a connection opened for one meeting", async () => {
    const a = await scheduleOnlineMeeting(online.t, { host: 'wanglei', participants: ['zhangwei'] });
    const b = await scheduleOnlineMeeting(online.t, { host: 'wanglei', participants: ['zhangwei'] });
    const s = await as('zhangwei', a.meetingId);
    // Another meeting, by id or by its join link's code, is refused before anything else: its media may be elsewhere.
    for (const data of [{ meetingId: b.meetingId }, { joinCode: b.joinCode }])
      expect(await s.ask('join', data)).toMatchObject({
        ok: false,
        code: 'wrong_meeting_connection',
        message: expect.stringContaining('此连接属于另一场会议'),
      });
    expect(online.t.app.svc.liveMeetings.peek(b.meetingId)).toBeUndefined();
    // So is anything but meeting signalling.
    expect(await s.socket.timeout(5000).emitWithAck('notification:read', {})).toMatchObject({
      ok: false,
      code: 'meeting_connection',
    });
    // Its own meeting, by id or by code, is served as on any connection.
    expect(joined(await s.request('join', { joinCode: a.joinCode })).meeting.id).toBe(a.meetingId);
    expect(joined(await s.request('join', { meetingId: a.meetingId })).meeting.id).toBe(a.meetingId);
    await s.request('leave', {});
    // The ordinary connection still joins any meeting.
    const plain = await as('zhangwei');
    expect(joined(await plain.request('join', { meetingId: b.meetingId })).meeting.id).toBe(b.meetingId);
    await plain.request('leave', {});
    // A query that is not a meeting id is refused at the handshake.
    await expect(as('zhangwei', 'not an id!')).rejects.toMatchObject({ message: 'invalid_meeting' });
  });

  it('lets participants in, sends outsiders to the lobby with the passcode, and rate-limits wrong guesses', async () => {
    const { meetingId, passcode } = await scheduleOnlineMeeting(online.t, {
      host: 'wanglei',
      participants: ['zhangwei', 'hejun'],
    });
    const host = await as('wanglei');
    const hostJoin = joined(await host.request('join', { meetingId }));
    expect(hostJoin.self.isHost).toBe(true);

    const outsider = await as('matao');
    expect(await outsider.ask('join', { meetingId })).toMatchObject({ ok: false, code: 'passcode_required' });
    const wrong = passcode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect(await outsider.ask('join', { meetingId, passcode: wrong })).toMatchObject({
        ok: false,
        code: 'wrong_passcode',
      });
    expect(await outsider.ask('join', { meetingId, passcode })).toMatchObject({ ok: false, code: 'passcode_attempts' });
    const audited = await online.t.app.svc.db.auditEvent.findMany({
      where: { action: 'meeting.passcode_check', resourceId: meetingId },
      orderBy: { seq: 'asc' },
    });
    expect(audited.map((a) => JSON.parse(a.detail).reason)).toEqual([
      ...Array(5).fill('wrong_passcode'),
      'rate_limited',
    ]);

    // Another outsider with the right passcode waits in the lobby until the host admits them.
    const guest = await as('linqiang');
    const lobbyShown = host.next('lobby', (n) => n.data.lobby.length === 1);
    const waiting = await guest.request('join', { meetingId, passcode });
    expect(waiting).toMatchObject({ status: 'lobby' });
    expect(await guest.ask('enableMedia', { rtpCapabilities: {} })).toMatchObject({
      ok: false,
      code: 'not_in_meeting',
    });
    const entry = (await lobbyShown).data.lobby[0]!;
    expect(entry.displayName).toBe('林强');
    const admitted = guest.next('admitted');
    await host.request('admit', { lobbyId: entry.lobbyId });
    await admitted;
    const guestJoin = joined(await guest.request('join', { meetingId }));
    expect(guestJoin.self.guest).toBe(true);

    // A participant who is not the host cannot run the meeting.
    const member = await as('zhangwei');
    const memberJoin = joined(await member.request('join', { meetingId }));
    expect(memberJoin.roster.map((r) => r.displayName)).toContain('张伟');
    expect(memberJoin.roster.find((r) => r.userId === member.userId)?.signedIn).toBe(true);
    expect(await member.ask('setLocked', { locked: true })).toMatchObject({ ok: false, code: 'not_host' });
    expect(await member.ask('removePeer', { peerId: guestJoin.self.peerId })).toMatchObject({
      ok: false,
      code: 'not_host',
    });

    // Locked: even a participant waits in the lobby.
    await host.request('setLocked', { locked: true });
    const late = await as('hejun');
    expect(await late.request('join', { meetingId })).toMatchObject({ status: 'lobby' });
    for (const s of [host, outsider, guest, member, late]) await s.request('leave', {});
  });

  it("consumes only within the meeting and enforces the host's mute on the server", async () => {
    const a = await scheduleOnlineMeeting(online.t, { host: 'wanglei', participants: ['zhangwei', 'hejun'] });
    const b = await scheduleOnlineMeeting(online.t, { host: 'lihua', participants: ['yangfan'] });
    const host = await as('wanglei');
    const speaker = await as('zhangwei');
    const stranger = await as('yangfan');
    const hostMedia = await withMedia(host, a.meetingId);
    const speakerMedia = await withMedia(speaker, a.meetingId);
    const strangerMedia = await withMedia(stranger, b.meetingId);

    // Schema-valid but unusable parameters are refused by mediasoup, cleanly.
    expect(
      await speaker.ask('produce', {
        transportId: speakerMedia.send,
        kind: 'video',
        source: 'camera',
        rtpParameters: { ...videoRtp(1), codecs: [{ mimeType: 'video/H265', payloadType: 96, clockRate: 90000 }] },
      }),
    ).toMatchObject({ ok: false, code: 'invalid_rtp_parameters' });
    const announced = host.next('producerAdded');
    const { producerId } = await speaker.request('produce', {
      transportId: speakerMedia.send,
      kind: 'audio',
      source: 'mic',
      rtpParameters: audioRtp(4242),
    });
    expect((await announced).data).toMatchObject({
      peerId: speakerMedia.join.self.peerId,
      producer: { producerId, source: 'mic' },
    });

    expect(await stranger.ask('consume', { producerId })).toMatchObject({ ok: false, code: 'producer_not_found' });
    void strangerMedia;
    const consumer = await host.request('consume', { producerId });
    expect(consumer).toMatchObject({ producerId, kind: 'audio', source: 'mic' });
    await host.request('resumeConsumer', { consumerId: consumer.consumerId });

    // The host mutes the speaker: the producer is paused on the server and they cannot unmute or produce audio again.
    const toldSpeaker = speaker.next('producerPaused', (n) => n.data.byHost);
    await host.request('moderateMedia', { peerId: speakerMedia.join.self.peerId, source: 'mic', action: 'block' });
    expect((await toldSpeaker).data).toMatchObject({ producerId, paused: true, byHost: true });
    const meeting = online.t.app.svc.liveMeetings.peek(a.meetingId)!;
    expect(meeting.room.peer(speakerMedia.join.self.peerId).producers.get(producerId)?.paused).toBe(true);
    expect(await speaker.ask('resumeProducer', { producerId })).toMatchObject({ ok: false, code: 'media_blocked' });
    expect(
      await speaker.ask('produce', {
        transportId: speakerMedia.send,
        kind: 'audio',
        source: 'mic',
        rtpParameters: audioRtp(4343),
      }),
    ).toMatchObject({ ok: false, code: 'media_blocked' });
    // Blocking the camera stops nothing they are not sending, but producing it is refused too.
    await host.request('moderateMedia', { peerId: speakerMedia.join.self.peerId, source: 'camera', action: 'block' });
    expect(
      await speaker.ask('produce', {
        transportId: speakerMedia.send,
        kind: 'video',
        source: 'camera',
        rtpParameters: videoRtp(4444),
      }),
    ).toMatchObject({ ok: false, code: 'media_blocked' });
    // Allowed again: the speaker unmutes themselves.
    await host.request('moderateMedia', { peerId: speakerMedia.join.self.peerId, source: 'mic', action: 'allow' });
    await speaker.request('resumeProducer', { producerId });
    expect(meeting.room.peer(speakerMedia.join.self.peerId).producers.get(producerId)?.paused).toBe(false);

    // Mute all holds for people who arrive later, and the host is never muted.
    await host.request('moderateMedia', { peerId: 'all', source: 'mic', action: 'block' });
    const late = await as('hejun');
    const lateJoin = joined(await late.request('join', { meetingId: a.meetingId }));
    expect(lateJoin.self.blocked).toContain('mic');
    expect(lateJoin.room.blockedForAll).toEqual(['mic']);
    expect(
      await host.ask('produce', {
        transportId: hostMedia.send,
        kind: 'audio',
        source: 'mic',
        rtpParameters: audioRtp(4545),
      }),
    ).toMatchObject({ ok: true });

    const audits = await online.t.app.svc.db.auditEvent.findMany({
      where: { resourceId: a.meetingId, action: { startsWith: 'meeting.media.' } },
      orderBy: { seq: 'asc' },
    });
    expect(audits.map((e) => e.action)).toEqual([
      'meeting.media.block',
      'meeting.media.block',
      'meeting.media.allow',
      'meeting.media.block',
    ]);
    for (const s of [host, speaker, stranger, late]) await s.request('leave', {});
  });

  it('keeps chat for late joiners and private messages between their sender and the host', async () => {
    const { meetingId } = await scheduleOnlineMeeting(online.t, {
      host: 'wanglei',
      participants: ['zhangwei', 'hejun', 'xuyan'],
    });
    const host = await as('wanglei');
    const early = await as('zhangwei');
    joined(await host.request('join', { meetingId }));
    joined(await early.request('join', { meetingId }));
    const hostSees = host.next('chatMessage', (n) => n.data.message.to === 'host');
    await early.request('sendChat', { text: '大家好，材料已上传', to: 'all' });
    await early.request('sendChat', { text: '主持人：我需要提前离开', to: 'host' });
    expect((await hostSees).data.message).toMatchObject({ fromName: '张伟', text: '主持人：我需要提前离开' });
    await host.request('raiseHand', {});
    const handsTold = host.next('hands', (n) => n.data.hands.length === 2);
    await early.request('raiseHand', {});
    expect((await handsTold).data.hands.map((h) => h.displayName)).toEqual(['王磊', '张伟']);

    const lateJoin = joined(await (await as('hejun')).request('join', { meetingId }));
    expect(lateJoin.chat.map((m) => m.text)).toEqual(['大家好，材料已上传']);
    expect(lateJoin.hands).toHaveLength(2);
    const again = joined(await (await as('zhangwei')).request('join', { meetingId }));
    expect(again.chat.map((m) => m.text)).toEqual(['大家好，材料已上传', '主持人：我需要提前离开']);
    const stored = await online.t.app.svc.db.meetingChatMessage.findFirstOrThrow({ where: { meetingId } });
    expect(stored.textSealed).not.toContain('材料');
    // A flood is cut off.
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await early.ask('sendChat', { text: `消息 ${i}`, to: 'all' }));
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.code)).toEqual([
      'chat_rate_limited',
      'chat_rate_limited',
    ]);
  });

  it('tells the others when someone leaves or is removed, and a removed person waits in the lobby', async () => {
    const { meetingId } = await scheduleOnlineMeeting(online.t, {
      host: 'wanglei',
      participants: ['zhangwei', 'hejun'],
    });
    const host = await as('wanglei');
    const other = await as('zhangwei');
    const leaver = await as('hejun');
    joined(await host.request('join', { meetingId }));
    const otherJoin = joined(await other.request('join', { meetingId }));
    const leaverJoin = joined(await leaver.request('join', { meetingId }));
    const left = host.next('peerLeft', (n) => n.data.peerId === leaverJoin.self.peerId);
    leaver.close();
    await left;
    const removed = other.next('removed');
    await host.request('removePeer', { peerId: otherJoin.self.peerId });
    await removed;
    expect(await other.ask('raiseHand', {})).toMatchObject({ ok: false, code: 'not_in_meeting' });
    expect(await other.request('join', { meetingId })).toMatchObject({ status: 'lobby' });
    expect(await host.ask('handOverHost', { peerId: 'nobody' })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('hands browsers the configured STUN/TURN servers with every transport', async () => {
    const { meetingId } = await scheduleOnlineMeeting(online.t, { host: 'wanglei', participants: ['zhangwei'] });
    const s = await as('wanglei');
    const join = joined(await s.request('join', { meetingId }));
    await s.request('enableMedia', { rtpCapabilities: rtpCapabilitiesSchema.parse(join.routerRtpCapabilities) });
    const transport = await s.request('createTransport', { direction: 'recv' });
    expect(transport.iceServers).toEqual(ICE_SERVERS);
    expect(new Set(transport.iceCandidates.map((c) => c.protocol))).toEqual(new Set(['udp', 'tcp']));
    await s.request('leave', {});
  });

  it('lets the host stop a screen share, lower a hand, reject from the lobby and hand over the meeting', async () => {
    const { meetingId, passcode } = await scheduleOnlineMeeting(online.t, {
      host: 'wanglei',
      participants: ['zhangwei', 'hejun'],
    });
    const host = await as('wanglei');
    const sharer = await as('zhangwei');
    const hostMedia = await withMedia(host, meetingId);
    const sharerMedia = await withMedia(sharer, meetingId);
    const sharerPeer = sharerMedia.join.self.peerId;

    // Stopping a screen share closes it on the server, tells its owner the host did it, and keeps it off.
    const { producerId } = await sharer.request('produce', {
      transportId: sharerMedia.send,
      kind: 'video',
      source: 'screen',
      rtpParameters: videoRtp(5151),
    });
    const stopped = sharer.next('producerClosed', (n) => n.data.producerId === producerId);
    await host.request('moderateMedia', { peerId: sharerPeer, source: 'screen', action: 'block' });
    expect((await stopped).data).toMatchObject({ source: 'screen', byHost: true });
    expect(online.t.app.svc.liveMeetings.peek(meetingId)!.room.peer(sharerPeer).producers.size).toBe(0);
    expect(
      await sharer.ask('produce', {
        transportId: sharerMedia.send,
        kind: 'video',
        source: 'screen',
        rtpParameters: videoRtp(5152),
      }),
    ).toMatchObject({ ok: false, code: 'media_blocked' });

    // Only the host lowers someone else's hand.
    const raised = host.next('hands', (n) => n.data.hands.length === 1);
    await sharer.request('raiseHand', {});
    await raised;
    expect(await sharer.ask('lowerHand', { peerId: hostMedia.join.self.peerId })).toMatchObject({
      ok: false,
      code: 'not_host',
    });
    const lowered = sharer.next('hands', (n) => n.data.hands.length === 0);
    await host.request('lowerHand', { peerId: sharerPeer });
    await lowered;

    // A guest the host rejects is told so and is not let in.
    const guest = await as('matao');
    const lobbyShown = host.next('lobby', (n) => n.data.lobby.length === 1);
    expect(await guest.request('join', { meetingId, passcode })).toMatchObject({ status: 'lobby' });
    const rejected = guest.next('rejected');
    await host.request('reject', { lobbyId: (await lobbyShown).data.lobby[0]!.lobbyId });
    await rejected;
    expect(await guest.ask('raiseHand', {})).toMatchObject({ ok: false, code: 'not_in_meeting' });

    // Handing over: the new host moderates (even the old host), the old one no longer can.
    const toldRoom = sharer.next('roomState', (n) => n.data.room.hostUserId === sharer.userId);
    await host.request('handOverHost', { peerId: sharerPeer });
    await toldRoom;
    expect(await host.ask('setLocked', { locked: true })).toMatchObject({ ok: false, code: 'not_host' });
    await sharer.request('moderateMedia', { peerId: hostMedia.join.self.peerId, source: 'mic', action: 'block' });
    expect(
      await host.ask('produce', {
        transportId: hostMedia.send,
        kind: 'audio',
        source: 'mic',
        rtpParameters: audioRtp(5153),
      }),
    ).toMatchObject({ ok: false, code: 'media_blocked' });
    // The block on the new host's own screen share is lifted with the role.
    expect(
      await sharer.ask('produce', {
        transportId: sharerMedia.send,
        kind: 'video',
        source: 'screen',
        rtpParameters: videoRtp(5154),
      }),
    ).toMatchObject({ ok: true });

    const audits = await online.t.app.svc.db.auditEvent.findMany({
      where: { resourceId: meetingId, action: { startsWith: 'meeting.' } },
      orderBy: { seq: 'asc' },
    });
    expect(audits.map((e) => e.action).filter((a) => /^meeting\.(media|hands|lobby|host)\./.test(a))).toEqual([
      'meeting.media.block',
      'meeting.hands.lower',
      'meeting.lobby.reject',
      'meeting.host.handover',
      'meeting.media.block',
    ]);
    for (const s of [host, sharer]) await s.request('leave', {});
  });
});
