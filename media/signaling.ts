// The meeting signalling contract over socket.io, shared by the server (which validates every request with these
// schemas) and the browser (which imports the types). Requests travel as `meeting:request` {method, data} with an
// acknowledgement; the server pushes `meeting:notification` {method, data}.
import { z } from 'zod';

export const MEETING_REQUEST = 'meeting:request';
export const MEETING_NOTIFICATION = 'meeting:notification';

// ── Shared vocabulary ──────────────────────────────────────────────────────────────────────────────────────────

export const SOURCES = ['mic', 'camera', 'screen'] as const;
export type MediaSource = (typeof SOURCES)[number];
export type MediaKind = 'audio' | 'video';

export function kindOfSource(source: MediaSource): MediaKind {
  return source === 'mic' ? 'audio' : 'video';
}

const id = z.string().min(1).max(64);
const shortText = (max: number) => z.string().max(max);
const int = (min: number, max: number) => z.int().min(min).max(max);

// Codec and header-extension parameters are flat maps of short strings and numbers (profile-id, useinbandfec…).
const parameterMap = z
  .record(shortText(64), z.union([shortText(256), z.number().finite()]))
  .refine((m) => Object.keys(m).length <= 32, 'too many parameters');

const rtcpFeedback = z.object({ type: shortText(32), parameter: shortText(32).optional() });
const mimeType = z.string().regex(/^(audio|video)\/[A-Za-z0-9.+-]{1,32}$/, 'not a media type');

// Unknown keys inside RTP structures are dropped (z.object), not refused: browsers add fields over time and
// mediasoup ignores what it does not know. Sizes and types are bounded so a hostile object cannot hurt the worker.
export const rtpParametersSchema = z.object({
  mid: shortText(32).optional(),
  codecs: z
    .array(
      z.object({
        mimeType,
        payloadType: int(0, 127),
        clockRate: int(1, 192_000),
        channels: int(1, 8).optional(),
        parameters: parameterMap.optional(),
        rtcpFeedback: z.array(rtcpFeedback).max(16).optional(),
      }),
    )
    .min(1)
    .max(8),
  headerExtensions: z
    .array(
      z.object({
        uri: shortText(200),
        id: int(1, 255),
        encrypt: z.boolean().optional(),
        parameters: parameterMap.optional(),
      }),
    )
    .max(16)
    .optional(),
  encodings: z
    .array(
      z.object({
        ssrc: int(1, 0xffffffff).optional(),
        rid: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,16}$/)
          .optional(),
        codecPayloadType: int(0, 127).optional(),
        rtx: z.object({ ssrc: int(1, 0xffffffff) }).optional(),
        dtx: z.boolean().optional(),
        scalabilityMode: z
          .string()
          .regex(/^[LS]\d{1,2}T\d{1,2}(_KEY)?(h)?$/)
          .optional(),
        scaleResolutionDownBy: z.number().min(1).max(64).optional(),
        maxBitrate: int(1, 100_000_000).optional(),
      }),
    )
    .min(1)
    .max(4)
    .optional(),
  rtcp: z
    .object({
      cname: shortText(64).optional(),
      reducedSize: z.boolean().optional(),
      mux: z.boolean().optional(),
    })
    .optional(),
});

export const rtpCapabilitiesSchema = z.object({
  codecs: z
    .array(
      z.object({
        kind: z.enum(['audio', 'video']),
        mimeType,
        preferredPayloadType: int(0, 127),
        clockRate: int(1, 192_000),
        channels: int(1, 8).optional(),
        parameters: parameterMap.optional(),
        rtcpFeedback: z.array(rtcpFeedback).max(16).optional(),
      }),
    )
    .max(32)
    .optional(),
  headerExtensions: z
    .array(
      z.object({
        kind: z.enum(['audio', 'video']),
        uri: shortText(200),
        preferredId: int(1, 255),
        preferredEncrypt: z.boolean().optional(),
        direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
      }),
    )
    .max(32)
    .optional(),
});

export const dtlsParametersSchema = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(
      z.object({
        algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']),
        value: z.string().regex(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){15,63}$/, 'not a fingerprint'),
      }),
    )
    .min(1)
    .max(4),
});

export const iceServerSchema = z.strictObject({
  urls: z.union([
    z.string().regex(/^(stun|stuns|turn|turns):/),
    z
      .array(z.string().regex(/^(stun|stuns|turn|turns):/))
      .min(1)
      .max(8),
  ]),
  username: shortText(256).optional(),
  credential: shortText(256).optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export type RtpParametersInput = z.infer<typeof rtpParametersSchema>;
export type RtpCapabilitiesInput = z.infer<typeof rtpCapabilitiesSchema>;
export type DtlsParametersInput = z.infer<typeof dtlsParametersSchema>;

// ── Requests (client → server) ─────────────────────────────────────────────────────────────────────────────────

const source = z.enum(SOURCES);
const peerTarget = z.union([id, z.literal('all')]);

export const displayReportSchema = z
  .strictObject({
    /** The active speaker's tile is on view (large), whoever it is. */
    speaker: z.boolean(),
    /** Peers whose screen share is on view. */
    screens: z.array(id).max(4),
    /** Visible grid tiles: large ones get the best simulcast layer, medium ones the middle, small ones the lowest. */
    tiles: z.array(z.strictObject({ peerId: id, size: z.enum(['large', 'medium', 'small']) })).max(49),
  })
  .refine((d) => new Set(d.tiles.map((t) => t.peerId)).size === d.tiles.length, {
    message: 'a peer appears twice',
    path: ['tiles'],
  });
export type DisplayReport = z.infer<typeof displayReportSchema>;

const request = <M extends string, S extends z.ZodType>(method: M, data: S) =>
  z.strictObject({ method: z.literal(method), data });
const none = z.strictObject({});

export const meetingRequestSchema = z.discriminatedUnion('method', [
  // Membership
  // By meeting id (from the meeting's page) or by the code in its join link; the passcode only for people outside it.
  request(
    'join',
    z
      .strictObject({
        meetingId: id.optional(),
        joinCode: z
          .string()
          .regex(/^[A-Za-z0-9_-]{8,64}$/)
          .optional(),
        passcode: z
          .string()
          .regex(/^\d{4,12}$/, 'digits only')
          .optional(),
        device: z.enum(['desktop', 'tablet', 'phone']).optional(),
      })
      .refine((d) => (d.meetingId === undefined) !== (d.joinCode === undefined), 'give meetingId or joinCode'),
  ),
  request('leave', none),
  // Media
  request('enableMedia', z.strictObject({ rtpCapabilities: rtpCapabilitiesSchema })),
  request('createTransport', z.strictObject({ direction: z.enum(['send', 'recv']) })),
  request('connectTransport', z.strictObject({ transportId: id, dtlsParameters: dtlsParametersSchema })),
  request('restartIce', z.strictObject({ transportId: id })),
  request(
    'produce',
    z
      .strictObject({ transportId: id, kind: z.enum(['audio', 'video']), source, rtpParameters: rtpParametersSchema })
      .refine((d) => d.kind === kindOfSource(d.source), { message: 'kind does not match source', path: ['kind'] })
      .refine((d) => d.rtpParameters.codecs.every((c) => c.mimeType.toLowerCase().startsWith(`${d.kind}/`)), {
        message: 'codec kind does not match',
        path: ['rtpParameters', 'codecs'],
      }),
  ),
  request('closeProducer', z.strictObject({ producerId: id })),
  request('pauseProducer', z.strictObject({ producerId: id })),
  request('resumeProducer', z.strictObject({ producerId: id })),
  request('consume', z.strictObject({ producerId: id })),
  request('pauseConsumer', z.strictObject({ consumerId: id })),
  request('resumeConsumer', z.strictObject({ consumerId: id })),
  request(
    'setPreferredLayers',
    z.strictObject({ consumerId: id, spatialLayer: int(0, 3), temporalLayer: int(0, 3).optional() }),
  ),
  // Chat and hands
  request('sendChat', z.strictObject({ text: z.string().trim().min(1).max(2000), to: z.enum(['all', 'host']) })),
  request('chatHistory', z.strictObject({ before: z.iso.datetime().optional() })),
  request('raiseHand', none),
  request('lowerHand', z.strictObject({ peerId: peerTarget.optional() })),
  // Host controls
  request('moderateMedia', z.strictObject({ peerId: peerTarget, source, action: z.enum(['block', 'allow']) })),
  request('removePeer', z.strictObject({ peerId: id })),
  request('setLocked', z.strictObject({ locked: z.boolean() })),
  request('admit', z.strictObject({ lobbyId: id })),
  request('reject', z.strictObject({ lobbyId: id })),
  request('handOverHost', z.strictObject({ peerId: id })),
  // Plenary meetings: the host gives someone the floor (发言权) or takes it back.
  request('setSpeaker', z.strictObject({ peerId: id, speaker: z.boolean() })),
  // What this browser actually shows, so that the server forwards only that (last-N): the active speaker's tile, the
  // screen shares on view, and the grid's visible tiles with their size.
  request('reportDisplay', displayReportSchema),
]);

export type MeetingRequest = z.infer<typeof meetingRequestSchema>;
export type MeetingMethod = MeetingRequest['method'];
export type RequestData<M extends MeetingMethod> = Extract<MeetingRequest, { method: M }>['data'];

// ── Views the server sends ─────────────────────────────────────────────────────────────────────────────────────

export interface ProducerView {
  producerId: string;
  kind: MediaKind;
  source: MediaSource;
  /** Paused by its owner (muted) or by the host. */
  paused: boolean;
}

export interface PeerView {
  peerId: string;
  userId: string;
  displayName: string;
  unitName: string;
  isHost: boolean;
  /** Admitted from the lobby rather than on the participant list. */
  guest: boolean;
  device: 'desktop' | 'tablet' | 'phone';
  /** Sources the host has blocked for this person. */
  blocked: MediaSource[];
  /** May send media: always outside a plenary; in a plenary the host and those given the floor (发言权). */
  speaker: boolean;
  producers: ProducerView[];
}

export interface ChatMessageView {
  id: string;
  fromUserId: string;
  fromName: string;
  /** 'all', or 'host' for a private message to the host (visible to its sender and the host). */
  to: 'all' | 'host';
  text: string;
  at: string;
}

export interface HandView {
  peerId: string;
  displayName: string;
  raisedAt: string;
}

export interface LobbyEntryView {
  lobbyId: string;
  userId: string;
  displayName: string;
  unitName: string;
  since: string;
}

export interface RosterEntry {
  userId: string;
  displayName: string;
  unitName: string;
  /** Signed in to the meeting (in the room by QR or tablet, or online by joining). */
  signedIn: boolean;
}

export interface RoomStateView {
  locked: boolean;
  hostUserId: string | null;
  /** Sources blocked for everyone except the host ("mute all"). */
  blockedForAll: MediaSource[];
  /** A plenary (全体会议/宣讲会): only the host and speakers send media; `capacity` people at most. */
  plenary: boolean;
  capacity: number | null;
}

export interface TransportOptionsView {
  id: string;
  iceParameters: { usernameFragment: string; password: string; iceLite?: boolean };
  /** `address` and `ip` carry the same value: mediasoup-client 3.24 reads `address`, mediasoup 3.12 only knows `ip`. */
  iceCandidates: Array<{
    foundation: string;
    priority: number;
    address: string;
    ip: string;
    protocol: 'udp' | 'tcp';
    port: number;
    type: 'host';
    tcpType?: 'passive';
  }>;
  dtlsParameters: DtlsParametersInput;
  iceServers: IceServer[];
}

export interface ConsumerView {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: MediaKind;
  source: MediaSource;
  /** mediasoup's RtpParameters for the consumer, handed to mediasoup-client's transport.consume(). */
  rtpParameters: unknown;
  producerPaused: boolean;
}

export type JoinResult =
  | {
      status: 'joined';
      self: PeerView;
      meeting: { id: string; title: string };
      peers: PeerView[];
      room: RoomStateView;
      routerRtpCapabilities: unknown;
      chat: ChatMessageView[];
      hands: HandView[];
      lobby: LobbyEntryView[];
      roster: RosterEntry[];
      activeSpeakerPeerId: string | null;
      /** The meeting is being recorded (录制中): those who join late are told at once. */
      recording: RecordingStateView | null;
    }
  | { status: 'lobby'; lobbyId: string; meeting: { id: string; title: string } };

/** What each request answers with (`data` of a successful acknowledgement). */
export interface MeetingResponses {
  join: JoinResult;
  leave: Record<string, never>;
  enableMedia: { routerRtpCapabilities: unknown; producers: Array<ProducerView & { peerId: string }> };
  createTransport: TransportOptionsView;
  connectTransport: Record<string, never>;
  restartIce: { iceParameters: TransportOptionsView['iceParameters'] };
  produce: { producerId: string; paused: boolean };
  closeProducer: Record<string, never>;
  pauseProducer: Record<string, never>;
  resumeProducer: Record<string, never>;
  consume: ConsumerView;
  pauseConsumer: Record<string, never>;
  resumeConsumer: Record<string, never>;
  setPreferredLayers: Record<string, never>;
  sendChat: { message: ChatMessageView };
  chatHistory: { messages: ChatMessageView[] };
  raiseHand: Record<string, never>;
  lowerHand: Record<string, never>;
  moderateMedia: Record<string, never>;
  removePeer: Record<string, never>;
  setLocked: Record<string, never>;
  admit: Record<string, never>;
  reject: Record<string, never>;
  handOverHost: Record<string, never>;
  setSpeaker: Record<string, never>;
  reportDisplay: Record<string, never>;
}

// Every method has a response type, and nothing else does.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const responsesCoverRequests: Exact<keyof MeetingResponses, MeetingMethod> = true;
void responsesCoverRequests;

export type MeetingAck<M extends MeetingMethod> =
  { ok: true; data: MeetingResponses[M] } | { ok: false; code: string; message: string };

// ── Notifications (server → client) ────────────────────────────────────────────────────────────────────────────

export type MeetingNotification =
  | { method: 'peerJoined'; data: { peer: PeerView } }
  | { method: 'peerUpdated'; data: { peer: PeerView } }
  | { method: 'peerLeft'; data: { peerId: string } }
  | { method: 'producerAdded'; data: { peerId: string; producer: ProducerView } }
  | { method: 'producerClosed'; data: { peerId: string; producerId: string; source: MediaSource; byHost: boolean } }
  | { method: 'producerPaused'; data: { peerId: string; producerId: string; paused: boolean; byHost: boolean } }
  | { method: 'consumerClosed'; data: { consumerId: string } }
  | { method: 'activeSpeaker'; data: { peerId: string | null } }
  | { method: 'chatMessage'; data: { message: ChatMessageView } }
  | { method: 'hands'; data: { hands: HandView[] } }
  | { method: 'lobby'; data: { lobby: LobbyEntryView[] } }
  | { method: 'roomState'; data: { room: RoomStateView } }
  | { method: 'admitted'; data: { meetingId: string } }
  | { method: 'rejected'; data: { meetingId: string } }
  | { method: 'removed'; data: { meetingId: string } }
  | { method: 'meetingEnded'; data: { meetingId: string } }
  /** The media server restarted (a worker died): keep the membership, set up transports and producers again. */
  | { method: 'mediaReset'; data: { reason: 'worker_restarted' } }
  /** Recording started (the red 录制中) or ended (null). */
  | { method: 'recording'; data: { recording: RecordingStateView | null } };

/** A recording in progress, as everyone in the meeting is told of it. */
export interface RecordingStateView {
  recordingId: string;
  startedAt: string;
}

export type NotificationMethod = MeetingNotification['method'];
