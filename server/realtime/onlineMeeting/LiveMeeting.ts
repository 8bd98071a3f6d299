// One online meeting while it is live: its media Room, the people in it and in its lobby, raised hands, and what the
// host has decided (lock, blocked media, removals, admissions, who hosts, in a plenary who has the floor and how many
// may be in it). State lives in memory for the session;
// chat is persisted and every host action is audited by the callers.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Subject } from '../../auth/subject.ts';
import { lowerAllHands, lowerHand, raiseHand, type RaisedHand } from '../../domain/onlineMeeting/handQueue.ts';
import { Conflict } from '../../errors.ts';
import { can, type LiveMeetingResource, type MeetingResource } from '../../policies/index.ts';
import { Room } from '../../../media/Room.ts';
import type {
  HandView,
  LobbyEntryView,
  MediaSource,
  MeetingNotification,
  PeerView,
  RoomStateView,
} from '../../../media/signaling.ts';
import type { MediaSettings } from '../../../media/settings.ts';
import type { WorkerPool } from '../../../media/WorkerPool.ts';

export type Device = PeerView['device'];

const CHAT_BURST = 10;
const CHAT_WINDOW_MS = 10_000;

export interface Member {
  peerId: string;
  socketId: string;
  subject: Subject;
  /** The meeting's facts from this member's point of view (their seat), for the policies. */
  facts: MeetingResource;
  unitName: string;
  guest: boolean;
  device: Device;
}

export interface LobbyEntry {
  lobbyId: string;
  socketId: string;
  userId: string;
  displayName: string;
  unitName: string;
  since: Date;
}

/** Delivers a notification to one socket. */
export interface SocketSink {
  toSocket(socketId: string, notification: MeetingNotification): void;
}

export interface LiveMeetingOptions {
  meetingId: string;
  title: string;
  mode: string;
  /** A plenary (全体会议/宣讲会), with at most `capacity` people besides the host. */
  plenary: boolean;
  capacity: number;
  hostUserId: string | null;
  pool: WorkerPool;
  media: Pick<MediaSettings, 'consumersPerRouter' | 'iceServers'>;
  log: Logger;
  sink: SocketSink;
}

export class LiveMeeting {
  readonly meetingId: string;
  readonly title: string;
  readonly mode: string;
  readonly plenary: boolean;
  readonly room: Room;
  hostUserId: string | null;
  locked = false;
  private readonly members = new Map<string, Member>();
  private readonly lobbyEntries = new Map<string, LobbyEntry>();
  private hands: RaisedHand[] = [];
  private readonly blockedForAll = new Set<MediaSource>();
  private readonly blocks = new Map<string, Set<MediaSource>>();
  private readonly removed = new Set<string>();
  private readonly admitted = new Set<string>();
  /** People the host gave the floor (发言权) in a plenary, by user id. */
  private readonly speakers = new Set<string>();
  /** Recent chat message times per peer, for the flood limit. */
  private readonly chatTimes = new Map<string, number[]>();
  private isClosed = false;

  static async create(options: LiveMeetingOptions): Promise<LiveMeeting> {
    let meeting: LiveMeeting | null = null;
    const room = await Room.create({
      id: options.meetingId,
      pool: options.pool,
      consumersPerRouter: options.media.consumersPerRouter,
      plenary: options.plenary,
      iceServers: options.media.iceServers,
      log: options.log,
      sink: { notify: (peerId, n) => meeting?.notify(peerId, n) },
    });
    meeting = new LiveMeeting(options, room);
    return meeting;
  }

  private constructor(
    private readonly options: LiveMeetingOptions,
    room: Room,
  ) {
    this.meetingId = options.meetingId;
    this.title = options.title;
    this.mode = options.mode;
    this.plenary = options.plenary;
    this.hostUserId = options.hostUserId;
    this.room = room;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get empty(): boolean {
    return this.members.size === 0 && this.lobbyEntries.size === 0;
  }

  /** The meeting as the media policies see it for one person. */
  resourceFor(subject: Subject, facts: MeetingResource): LiveMeetingResource {
    return {
      kind: 'liveMeeting',
      meeting: facts,
      mode: this.mode,
      hostUserId: this.hostUserId,
      locked: this.locked,
      removed: this.removed.has(subject.id),
      admitted: this.admitted.has(subject.id),
      blocked: this.blocks.get(subject.id) ?? new Set(),
      plenary: this.plenary,
      speaker: this.speakers.has(subject.id),
    };
  }

  moderates(member: Member): boolean {
    return can(member.subject, 'meeting.media.moderate', this.resourceFor(member.subject, member.facts));
  }

  member(peerId: string): Member | undefined {
    return this.members.get(peerId);
  }

  allMembers(): Member[] {
    return [...this.members.values()];
  }

  lobbyEntry(lobbyId: string): LobbyEntry | undefined {
    return this.lobbyEntries.get(lobbyId);
  }

  // ── membership ────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Takes a person in. A full plenary refuses anyone but the live host; counting and taking in happen in one step
   * (no await in between), so people joining together cannot overfill it.
   */
  enter(input: Omit<Member, 'peerId'>): Member {
    if (this.plenary && input.subject.id !== this.hostUserId && this.countBesidesHost() >= this.options.capacity)
      throw new Conflict(
        'meeting_full',
        `This plenary is full: ${this.options.capacity} people (全体会议已满 ${this.options.capacity} 人)`,
      );
    const member: Member = { ...input, peerId: randomUUID() };
    this.room.addPeer({ id: member.peerId, userId: member.subject.id, displayName: member.subject.displayName });
    this.members.set(member.peerId, member);
    // An admission holds for the session, so a guest whose connection drops comes straight back in.
    this.removed.delete(member.subject.id);
    // "Mute all" holds for people who come in later, too.
    if (member.subject.id !== this.hostUserId)
      for (const source of this.blockedForAll) this.blocksOf(member.subject.id).add(source);
    this.broadcast({ method: 'peerJoined', data: { peer: this.peerView(member) } }, member.peerId);
    return member;
  }

  leave(peerId: string): void {
    const member = this.members.get(peerId);
    if (!member) return;
    this.members.delete(peerId);
    this.chatTimes.delete(peerId);
    this.room.removePeer(peerId);
    const before = this.hands.length;
    this.hands = lowerHand(this.hands, peerId);
    this.broadcast({ method: 'peerLeft', data: { peerId } });
    if (this.hands.length !== before) this.broadcastHands();
  }

  waitInLobby(input: Omit<LobbyEntry, 'lobbyId'>): LobbyEntry {
    // One place in the lobby per socket: asking again keeps it.
    const existing = [...this.lobbyEntries.values()].find((e) => e.socketId === input.socketId);
    if (existing) return existing;
    const entry: LobbyEntry = { ...input, lobbyId: randomUUID() };
    this.lobbyEntries.set(entry.lobbyId, entry);
    this.notifyModerators();
    return entry;
  }

  leaveLobby(lobbyId: string): LobbyEntry | undefined {
    const entry = this.lobbyEntries.get(lobbyId);
    if (!entry) return undefined;
    this.lobbyEntries.delete(lobbyId);
    this.notifyModerators();
    return entry;
  }

  admit(lobbyId: string): LobbyEntry | undefined {
    const entry = this.leaveLobby(lobbyId);
    if (!entry) return undefined;
    this.admitted.add(entry.userId);
    this.options.sink.toSocket(entry.socketId, { method: 'admitted', data: { meetingId: this.meetingId } });
    return entry;
  }

  reject(lobbyId: string): LobbyEntry | undefined {
    const entry = this.leaveLobby(lobbyId);
    if (entry) this.options.sink.toSocket(entry.socketId, { method: 'rejected', data: { meetingId: this.meetingId } });
    return entry;
  }

  /** Removes a person for the rest of the session: coming back means the lobby. */
  remove(peerId: string): Member | undefined {
    const member = this.members.get(peerId);
    if (!member) return undefined;
    this.removed.add(member.subject.id);
    this.admitted.delete(member.subject.id);
    this.options.sink.toSocket(member.socketId, { method: 'removed', data: { meetingId: this.meetingId } });
    this.leave(peerId);
    return member;
  }

  // ── host decisions ───────────────────────────────────────────────────────────────────────────────────────

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.broadcastRoomState();
  }

  handOverHost(peerId: string): Member | undefined {
    const next = this.members.get(peerId);
    if (!next) return undefined;
    const previous = this.allMembers().filter((m) => m.subject.id === this.hostUserId);
    // In a plenary the previous host keeps the floor: what they send goes on.
    if (this.plenary && this.hostUserId) this.speakers.add(this.hostUserId);
    this.hostUserId = next.subject.id;
    this.blocks.delete(next.subject.id);
    this.broadcastRoomState();
    for (const m of [...previous, next]) this.broadcast({ method: 'peerUpdated', data: { peer: this.peerView(m) } });
    this.notifyModerators();
    return next;
  }

  /**
   * Blocks a source for one person or for everyone but the host, and stops what they are sending of it: a
   * microphone is paused on the server (nothing is forwarded), a camera or screen share is closed.
   */
  async block(target: string | 'all', source: MediaSource): Promise<Member[]> {
    const affected =
      target === 'all'
        ? this.allMembers().filter((m) => m.subject.id !== this.hostUserId)
        : [this.members.get(target)].filter((m): m is Member => m !== undefined);
    if (target === 'all') this.blockedForAll.add(source);
    for (const member of affected) {
      this.blocksOf(member.subject.id).add(source);
      const producer = this.room.hasPeer(member.peerId) ? this.room.peer(member.peerId).producerFor(source) : undefined;
      if (producer && source === 'mic') {
        if (!producer.paused) await this.room.setProducerPaused(member.peerId, producer.id, true, true);
      } else if (producer) {
        this.room.closeProducer(member.peerId, producer.id, true);
      }
      this.broadcast({ method: 'peerUpdated', data: { peer: this.peerView(member) } });
    }
    if (target === 'all') this.broadcastRoomState();
    return affected;
  }

  /** Lifts a block; the person turns their media back on themselves (nobody is unmuted by someone else). */
  allow(target: string | 'all', source: MediaSource): Member[] {
    if (target === 'all') {
      this.blockedForAll.delete(source);
      for (const set of this.blocks.values()) set.delete(source);
    } else {
      const member = this.members.get(target);
      if (member) this.blocks.get(member.subject.id)?.delete(source);
    }
    const affected =
      target === 'all' ? this.allMembers() : [this.members.get(target)].filter((m): m is Member => m !== undefined);
    for (const member of affected) this.broadcast({ method: 'peerUpdated', data: { peer: this.peerView(member) } });
    if (target === 'all') this.broadcastRoomState();
    return affected;
  }

  /**
   * Gives someone the floor in a plenary, or takes it back; taking it back stops whatever they send. A raised hand
   * (asking for the floor) is lowered either way.
   */
  setSpeaker(peerId: string, speaker: boolean): Member | undefined {
    const member = this.members.get(peerId);
    if (!member) return undefined;
    if (speaker) this.speakers.add(member.subject.id);
    else {
      this.speakers.delete(member.subject.id);
      for (const m of this.allMembers().filter((x) => x.subject.id === member.subject.id)) {
        if (!this.room.hasPeer(m.peerId)) continue;
        for (const producer of [...this.room.peer(m.peerId).producers.values()])
          this.room.closeProducer(m.peerId, producer.id, true);
      }
    }
    const before = this.hands.length;
    this.hands = lowerHand(this.hands, peerId);
    for (const m of this.allMembers().filter((x) => x.subject.id === member.subject.id))
      this.broadcast({ method: 'peerUpdated', data: { peer: this.peerView(m) } });
    if (this.hands.length !== before) this.broadcastHands();
    return member;
  }

  /** At most CHAT_BURST messages per CHAT_WINDOW_MS from one person: chat is for people, and every message is audited. */
  allowChat(peerId: string, at: Date): boolean {
    const now = at.getTime();
    const recent = (this.chatTimes.get(peerId) ?? []).filter((t) => t > now - CHAT_WINDOW_MS);
    if (recent.length >= CHAT_BURST) return false;
    this.chatTimes.set(peerId, [...recent, now]);
    return true;
  }

  raiseHand(peerId: string, at: Date): void {
    this.hands = raiseHand(this.hands, peerId, at);
    this.broadcastHands();
  }

  lowerHand(peerId: string | 'all'): void {
    this.hands = peerId === 'all' ? lowerAllHands() : lowerHand(this.hands, peerId);
    this.broadcastHands();
  }

  // ── views ────────────────────────────────────────────────────────────────────────────────────────────────

  peerView(member: Member): PeerView {
    return {
      peerId: member.peerId,
      userId: member.subject.id,
      displayName: member.subject.displayName,
      unitName: member.unitName,
      isHost: member.subject.id === this.hostUserId,
      guest: member.guest,
      device: member.device,
      blocked: [...(this.blocks.get(member.subject.id) ?? [])],
      speaker: !this.plenary || member.subject.id === this.hostUserId || this.speakers.has(member.subject.id),
      producers: this.room.producerViews(member.peerId),
    };
  }

  roomState(): RoomStateView {
    return {
      locked: this.locked,
      hostUserId: this.hostUserId,
      blockedForAll: [...this.blockedForAll],
      plenary: this.plenary,
      capacity: this.plenary ? this.options.capacity : null,
    };
  }

  handViews(): HandView[] {
    return this.hands.flatMap((h) => {
      const member = this.members.get(h.peerId);
      return member
        ? [{ peerId: h.peerId, displayName: member.subject.displayName, raisedAt: h.raisedAt.toISOString() }]
        : [];
    });
  }

  lobbyViews(): LobbyEntryView[] {
    return [...this.lobbyEntries.values()].map((e) => ({
      lobbyId: e.lobbyId,
      userId: e.userId,
      displayName: e.displayName,
      unitName: e.unitName,
      since: e.since.toISOString(),
    }));
  }

  // ── delivery ─────────────────────────────────────────────────────────────────────────────────────────────

  notify(peerId: string, notification: MeetingNotification): void {
    const member = this.members.get(peerId);
    if (member) this.options.sink.toSocket(member.socketId, notification);
  }

  broadcast(notification: MeetingNotification, exceptPeerId?: string): void {
    for (const member of this.members.values())
      if (member.peerId !== exceptPeerId) this.options.sink.toSocket(member.socketId, notification);
  }

  /**
   * Closes its media; safe to call twice. `ended` tells everyone the meeting is over; `idle` (nobody left) and
   * `moved` (another instance holds it now: LiveMeetings.movedAway) tell nobody.
   */
  close(reason: 'ended' | 'idle' | 'moved'): void {
    if (this.isClosed) return;
    this.isClosed = true;
    if (reason === 'ended') {
      const ended: MeetingNotification = { method: 'meetingEnded', data: { meetingId: this.meetingId } };
      for (const m of this.members.values()) this.options.sink.toSocket(m.socketId, ended);
      for (const e of this.lobbyEntries.values()) this.options.sink.toSocket(e.socketId, ended);
    }
    this.members.clear();
    this.lobbyEntries.clear();
    this.room.close();
  }

  private countBesidesHost(): number {
    let n = 0;
    for (const m of this.members.values()) if (m.subject.id !== this.hostUserId) n++;
    return n;
  }

  private blocksOf(userId: string): Set<MediaSource> {
    let set = this.blocks.get(userId);
    if (!set) {
      set = new Set();
      this.blocks.set(userId, set);
    }
    return set;
  }

  private broadcastHands(): void {
    this.broadcast({ method: 'hands', data: { hands: this.handViews() } });
  }

  private broadcastRoomState(): void {
    this.broadcast({ method: 'roomState', data: { room: this.roomState() } });
  }

  private notifyModerators(): void {
    const lobby: MeetingNotification = { method: 'lobby', data: { lobby: this.lobbyViews() } };
    for (const member of this.members.values())
      if (this.moderates(member)) this.options.sink.toSocket(member.socketId, lobby);
  }
}
