// Handles one validated meeting request from a socket: asks the policies, changes the live meeting, audits what the
// host does, and answers. Every method of the contract (media/signaling.ts) has its case; the switch is exhaustive.
import type { RequestContext } from '../../audit/auditLog.ts';
import { postMeetingChat } from '../../commands/meetings/meetingChatPoster.ts';
import { recordModeration } from '../../commands/meetings/meetingModerator.ts';
import { requestJoin } from '../../commands/meetings/meetingOnlineAccess.ts';
import { signInToMeeting } from '../../commands/meetings/meetingSignIn.ts';
import { AppError, BadRequest, Forbidden, NotFound } from '../../errors.ts';
import { authorize, concealed, mediaJoinDecision, produceAction } from '../../policies/index.ts';
import type { Services } from '../../services.ts';
import { MediaError } from '../../../media/errors.ts';
import type {
  JoinResult,
  MeetingMethod,
  MeetingRequest,
  MeetingResponses,
  RequestData,
} from '../../../media/signaling.ts';
import type { LiveMeeting, Member } from './LiveMeeting.ts';
import type { LiveMeetings } from './LiveMeetings.ts';
import { loadChat, loadMeeting, loadPerson, loadRoster } from '../../queries/meetings/onlineMeeting.ts';

/** Who sent the request, as the socket server knows them. */
export interface SignalSocket {
  id: string;
  userId: string;
  username: string;
  ip: string;
  userAgent: string;
  /** The meeting the socket was opened for (its handshake query), or null: any meeting, one at a time. */
  meetingId: string | null;
}

const REFUSALS = {
  meeting_not_online: 'This meeting has no online part',
  meeting_not_live: 'This meeting is not open for joining now',
  meeting_forbidden: 'You cannot join this meeting',
} as const;

/**
 * A join on a connection opened for another meeting. The load balancer routed that connection to the instance of the
 * meeting it names; this meeting's media may be elsewhere, so the client must open a connection for it.
 */
function requireSocketMeeting(socket: SignalSocket, meetingId: string): void {
  if (socket.meetingId !== null && socket.meetingId !== meetingId)
    throw new BadRequest(
      'wrong_meeting_connection',
      'This connection was opened for another meeting; open one for this meeting (此连接属于另一场会议，请为本会议另开连接)',
    );
}

/**
 * A join on an ordinary connection where several instances share the meetings (TONGBAN_REDIS_URL). Only a connection
 * opened for the meeting is routed to the instance holding its media; a join elsewhere would open a second copy, and
 * each copy would close the other in turn (LiveMeetings.movedAway). On one process any connection reaches the meeting.
 */
function requireMeetingConnection(svc: Services, socket: SignalSocket): void {
  if (socket.meetingId === null && svc.config.redisUrl)
    throw new BadRequest(
      'meeting_connection_required',
      'Join a meeting over a connection opened for it (请为本会议另开连接后加入)',
    );
}

type Answer = MeetingResponses[MeetingMethod];
const done = {} as Record<string, never>;

export async function handleMeetingRequest(
  registry: LiveMeetings,
  svc: Services,
  socket: SignalSocket,
  request: MeetingRequest,
): Promise<Answer> {
  const ctx: RequestContext = {
    actor: { id: socket.userId, name: socket.username },
    ip: socket.ip,
    userAgent: socket.userAgent,
    at: svc.clock.now(),
    auditKey: svc.keys.audit,
  };
  switch (request.method) {
    case 'join':
      return join(registry, svc, ctx, socket, request.data);
    case 'leave':
      registry.leave(socket.id);
      return done;
    default:
      break;
  }
  const { meeting, member } = current(registry, socket);
  const room = meeting.room;
  const peerId = member.peerId;
  switch (request.method) {
    case 'enableMedia': {
      const producers = await room.enableMedia(peerId, request.data.rtpCapabilities);
      return { routerRtpCapabilities: room.rtpCapabilities, producers };
    }
    case 'createTransport':
      return room.createTransport(peerId, request.data.direction);
    case 'connectTransport':
      await room.connectTransport(peerId, request.data.transportId, request.data.dtlsParameters);
      return done;
    case 'restartIce':
      return { iceParameters: await room.restartIce(peerId, request.data.transportId) };
    case 'produce': {
      requireMayProduce(meeting, member, request.data.source);
      const producer = await room.produce(peerId, { ...request.data, paused: false });
      return { producerId: producer.id, paused: producer.paused };
    }
    case 'closeProducer':
      room.closeProducer(peerId, request.data.producerId, false);
      return done;
    case 'pauseProducer':
      await room.setProducerPaused(peerId, request.data.producerId, true, false);
      return done;
    case 'resumeProducer': {
      const producer = room.peer(peerId).producers.get(request.data.producerId);
      if (!producer) throw new MediaError('producer_not_found', 'No such producer');
      requireMayProduce(meeting, member, producer.appData.source);
      await room.setProducerPaused(peerId, producer.id, false, false);
      return done;
    }
    case 'consume':
      return room.consume(peerId, request.data.producerId);
    case 'pauseConsumer':
      await room.setConsumerPaused(peerId, request.data.consumerId, true);
      return done;
    case 'resumeConsumer':
      await room.setConsumerPaused(peerId, request.data.consumerId, false);
      return done;
    case 'setPreferredLayers':
      await room.setPreferredLayers(
        peerId,
        request.data.consumerId,
        request.data.spatialLayer,
        request.data.temporalLayer,
      );
      return done;
    case 'sendChat':
      return sendChat(svc, ctx, meeting, member, request.data);
    case 'chatHistory':
      return {
        messages: await loadChat(
          svc.db,
          svc.keys.atRest,
          meeting.meetingId,
          member.subject.id,
          request.data.before ? new Date(request.data.before) : undefined,
        ),
      };
    case 'raiseHand':
      meeting.raiseHand(peerId, ctx.at);
      return done;
    case 'lowerHand': {
      const target = request.data.peerId ?? peerId;
      if (target !== peerId) requireModerator(meeting, member);
      meeting.lowerHand(target);
      if (target !== peerId)
        await recordModeration(svc, ctx, meeting.meetingId, 'meeting.hands.lower', { peerId: target });
      return done;
    }
    case 'moderateMedia': {
      requireModerator(meeting, member);
      const { peerId: target, source, action } = request.data;
      if (target !== 'all') requireOtherMember(meeting, member, target);
      const affected = action === 'block' ? await meeting.block(target, source) : meeting.allow(target, source);
      await recordModeration(
        svc,
        ctx,
        meeting.meetingId,
        action === 'block' ? 'meeting.media.block' : 'meeting.media.allow',
        { source, target: target === 'all' ? 'all' : affected.map((m) => m.subject.id) },
      );
      return done;
    }
    case 'removePeer': {
      requireModerator(meeting, member);
      const target = requireOtherMember(meeting, member, request.data.peerId);
      meeting.remove(target.peerId);
      registry.forget(target.socketId, meeting.meetingId);
      await recordModeration(svc, ctx, meeting.meetingId, 'meeting.participant.remove', { userId: target.subject.id });
      return done;
    }
    case 'setLocked':
      requireModerator(meeting, member);
      meeting.setLocked(request.data.locked);
      await recordModeration(svc, ctx, meeting.meetingId, request.data.locked ? 'meeting.lock' : 'meeting.unlock');
      return done;
    case 'admit':
    case 'reject': {
      requireModerator(meeting, member);
      const entry =
        request.method === 'admit' ? meeting.admit(request.data.lobbyId) : meeting.reject(request.data.lobbyId);
      if (!entry) throw new NotFound('lobby entry');
      registry.forget(entry.socketId, meeting.meetingId);
      await recordModeration(
        svc,
        ctx,
        meeting.meetingId,
        request.method === 'admit' ? 'meeting.lobby.admit' : 'meeting.lobby.reject',
        { userId: entry.userId },
      );
      return done;
    }
    case 'setSpeaker': {
      authorize(member.subject, 'meeting.speaker.manage', meeting.resourceFor(member.subject, member.facts));
      const target = requireOtherMember(meeting, member, request.data.peerId);
      meeting.setSpeaker(target.peerId, request.data.speaker);
      await recordModeration(
        svc,
        ctx,
        meeting.meetingId,
        request.data.speaker ? 'meeting.speaker.grant' : 'meeting.speaker.revoke',
        { userId: target.subject.id },
      );
      return done;
    }
    case 'reportDisplay':
      await room.setDisplay(peerId, request.data);
      return done;
    case 'handOverHost': {
      requireModerator(meeting, member);
      const target = requireOtherMember(meeting, member, request.data.peerId);
      if (target.guest)
        throw new Forbidden('host_must_be_participant', 'Only a participant of the meeting can host it');
      meeting.handOverHost(target.peerId);
      await recordModeration(svc, ctx, meeting.meetingId, 'meeting.host.handover', { to: target.subject.id });
      return done;
    }
    default:
      return unreachable(request);
  }
}

async function join(
  registry: LiveMeetings,
  svc: Services,
  ctx: RequestContext,
  socket: SignalSocket,
  data: RequestData<'join'>,
): Promise<JoinResult> {
  requireMeetingConnection(svc, socket);
  if (data.meetingId !== undefined) requireSocketMeeting(socket, data.meetingId);
  // A socket is in one meeting at a time: joining again (a rejoin after a media reset, or another meeting) starts afresh.
  registry.leave(socket.id);
  const person = await loadPerson(svc.db, socket.userId);
  if (!person) throw new Forbidden('meeting_forbidden', REFUSALS.meeting_forbidden);
  const row = await loadMeeting(svc.db, data, socket.userId);
  if (!row) throw new NotFound('meeting');
  const meetingId = row.facts.id;
  const existing = registry.peek(meetingId);
  const resource = existing
    ? existing.resourceFor(person.subject, row.facts)
    : {
        kind: 'liveMeeting' as const,
        meeting: row.facts,
        mode: row.mode,
        hostUserId: row.facts.hostId,
        locked: false,
        removed: false,
        admitted: false,
        blocked: new Set<never>(),
        plenary: row.plenary,
        speaker: false,
      };
  const decision = mediaJoinDecision(person.subject, resource);
  // Someone who may never join this meeting gets the answer of a missing one (and the refusal is audited).
  if (decision.outcome === 'refuse' && decision.code === 'meeting_forbidden') {
    const hidden = {
      what: 'meeting',
      resourceType: 'meeting',
      id: meetingId,
      classification: row.facts.classification,
    };
    throw concealed(person.subject, hidden, 'meeting.join');
  }
  // By join code the meeting is known only now (and only to someone who may see it).
  requireSocketMeeting(socket, meetingId);
  if (decision.outcome === 'refuse') throw new Forbidden(decision.code, REFUSALS[decision.code]);
  if (decision.outcome === 'lobby' && decision.passcodeRequired) {
    // The join link's own check: verifies the passcode, audits it, and limits wrong guesses per person and meeting.
    if (!row.joinCode) throw new Forbidden('passcode_required', 'This meeting has no passcode yet');
    await requestJoin(svc, ctx, person.subject, row.joinCode, data.passcode ?? null);
  }
  const meeting = await registry.open(meetingId, row);
  const summary = { id: meetingId, title: meeting.title };
  if (decision.outcome === 'lobby') {
    const entry = meeting.waitInLobby({
      socketId: socket.id,
      userId: socket.userId,
      displayName: person.subject.displayName,
      unitName: person.unitName,
      since: ctx.at,
    });
    registry.setPlace(socket.id, { meetingId, kind: 'lobby', lobbyId: entry.lobbyId });
    return { status: 'lobby', lobbyId: entry.lobbyId, meeting: summary };
  }
  const guest = row.facts.seat === null && resource.admitted;
  const member = meeting.enter({
    socketId: socket.id,
    subject: person.subject,
    facts: row.facts,
    unitName: person.unitName,
    guest,
    device: data.device ?? 'desktop',
  });
  registry.setPlace(socket.id, { meetingId, kind: 'member', peerId: member.peerId });
  if (row.facts.seat) {
    try {
      await signInToMeeting(svc, ctx, person.subject, meetingId, 'online');
    } catch (err) {
      // Too early to sign in, or already over: the person is still in the meeting. Anything else is logged; a
      // failed attendance record must not keep anyone out.
      if (!(err instanceof AppError)) svc.log.error({ err, meetingId, userId: socket.userId }, 'online sign-in failed');
    }
  }
  const [chat, roster] = await Promise.all([
    loadChat(svc.db, svc.keys.atRest, meetingId, socket.userId),
    loadRoster(svc.db, meetingId),
  ]);
  svc.log.info({ meetingId, userId: socket.userId, peerId: member.peerId, guest }, 'joined online meeting');
  return {
    status: 'joined',
    self: meeting.peerView(member),
    meeting: summary,
    peers: meeting
      .allMembers()
      .filter((m) => m.peerId !== member.peerId)
      .map((m) => meeting.peerView(m)),
    room: meeting.roomState(),
    routerRtpCapabilities: meeting.room.rtpCapabilities,
    chat,
    hands: meeting.handViews(),
    lobby: meeting.moderates(member) ? meeting.lobbyViews() : [],
    roster,
    activeSpeakerPeerId: meeting.room.activeSpeakerPeerId,
    recording: svc.recordings.noticeFor(meeting, person.subject, row.facts),
  };
}

async function sendChat(
  svc: Services,
  ctx: RequestContext,
  meeting: LiveMeeting,
  member: Member,
  data: RequestData<'sendChat'>,
): Promise<MeetingResponses['sendChat']> {
  if (!meeting.allowChat(member.peerId, ctx.at))
    throw new AppError(429, 'chat_rate_limited', 'Too many messages; wait a moment');
  const toUserId = data.to === 'host' ? meeting.hostUserId : null;
  if (data.to === 'host' && !toUserId) throw new BadRequest('no_host', 'This meeting has no host to write to');
  const message = await postMeetingChat(svc, ctx, {
    meetingId: meeting.meetingId,
    from: { userId: member.subject.id, displayName: member.subject.displayName },
    audience: data.to,
    toUserId,
    text: data.text,
  });
  const recipients = meeting
    .allMembers()
    .filter((m) => data.to === 'all' || m.subject.id === toUserId || m.subject.id === member.subject.id);
  for (const m of recipients) meeting.notify(m.peerId, { method: 'chatMessage', data: { message } });
  return { message };
}

function current(registry: LiveMeetings, socket: SignalSocket): { meeting: LiveMeeting; member: Member } {
  const place = registry.placeOf(socket.id);
  const meeting = place ? registry.peek(place.meetingId) : undefined;
  const member = place?.kind === 'member' ? meeting?.member(place.peerId) : undefined;
  if (!meeting || !member)
    throw new Forbidden(
      'not_in_meeting',
      place?.kind === 'lobby' ? 'Waiting in the lobby for the host' : 'Join the meeting first',
    );
  return { meeting, member };
}

/** Blocked by the host, or a plenary viewer without the floor: refused with the policy's own words. */
function requireMayProduce(meeting: LiveMeeting, member: Member, source: Parameters<typeof produceAction>[0]): void {
  authorize(member.subject, produceAction(source), meeting.resourceFor(member.subject, member.facts));
}

function requireModerator(meeting: LiveMeeting, member: Member): void {
  if (!meeting.moderates(member)) throw new Forbidden('not_host', 'Only the host can do this');
}

function requireOtherMember(meeting: LiveMeeting, member: Member, peerId: string): Member {
  const target = meeting.member(peerId);
  if (!target) throw new NotFound('participant');
  if (target.peerId === member.peerId) throw new BadRequest('not_yourself', 'Choose someone else');
  if (target.subject.id === meeting.hostUserId)
    throw new Forbidden('cannot_moderate_host', 'The host cannot be moderated');
  return target;
}

function unreachable(request: never): never {
  throw new Error(`unhandled meeting request ${JSON.stringify(request).slice(0, 60)}`);
}
