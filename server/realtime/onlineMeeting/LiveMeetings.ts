// The live online meetings of this process: opened on first join, closed when the last person leaves or the meeting
// ends, and which meeting (as a member or in the lobby) each socket is in.
import type { Services } from '../../services.ts';
import type { MeetingNotification, MeetingRequest, MeetingResponses, MeetingMethod } from '../../../media/signaling.ts';
import { LiveMeeting, type SocketSink } from './LiveMeeting.ts';
import type { OnlineMeetingRow } from '../../queries/meetings/onlineMeeting.ts';
import { handleMeetingRequest, type SignalSocket } from './meetingSignaling.ts';

export type Place =
  { meetingId: string; kind: 'member'; peerId: string } | { meetingId: string; kind: 'lobby'; lobbyId: string };

/** How live meetings reach their sockets and, in a cluster, the other instances (socket.io: socketServer.ts). */
export interface MeetingTransport extends SocketSink {
  /** Drops the socket's connection (not its session): the client reconnects through the load balancer and rejoins. */
  reconnect(socketId: string): void;
  /** Tells the other instances that this one opened the meeting's media (nothing to tell on one process). */
  announceOpened(meetingId: string): void;
}

export class LiveMeetings {
  private readonly meetings = new Map<string, LiveMeeting>();
  private readonly opening = new Map<string, Promise<LiveMeeting>>();
  private readonly places = new Map<string, Place>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private sink: MeetingTransport | null = null;
  private isClosed = false;

  constructor(private readonly svc: Services) {}

  /** Connects delivery to socket.io (done by the socket server when it starts). */
  attach(sink: MeetingTransport): void {
    this.sink = sink;
  }

  handle(socket: SignalSocket, request: MeetingRequest): Promise<MeetingResponses[MeetingMethod]> {
    // Joining and leaving run one at a time per socket; media requests may overlap (a browser consumes in parallel).
    if (request.method !== 'join' && request.method !== 'leave')
      return handleMeetingRequest(this, this.svc, socket, request);
    const previous = this.queues.get(socket.id) ?? Promise.resolve();
    const next = previous.then(
      () => handleMeetingRequest(this, this.svc, socket, request),
      () => handleMeetingRequest(this, this.svc, socket, request),
    );
    const settled = next.catch(() => undefined);
    this.queues.set(socket.id, settled);
    void settled.then(() => {
      if (this.queues.get(socket.id) === settled) this.queues.delete(socket.id);
    });
    return next;
  }

  peek(meetingId: string): LiveMeeting | undefined {
    const meeting = this.meetings.get(meetingId);
    return meeting && !meeting.closed ? meeting : undefined;
  }

  /** The live meeting for a meeting, opening it (and its media room) if needed. */
  async open(meetingId: string, row: OnlineMeetingRow): Promise<LiveMeeting> {
    // The last person may leave (closing it) between opening and entering: then open a fresh one.
    for (let attempt = 0; ; attempt++) {
      const meeting = await this.openOnce(meetingId, row);
      if (!meeting.closed || attempt > 0) return meeting;
    }
  }

  private async openOnce(meetingId: string, row: OnlineMeetingRow): Promise<LiveMeeting> {
    if (this.isClosed) throw new Error('online meetings are shut down');
    const live = this.peek(meetingId);
    if (live) return live;
    let opening = this.opening.get(meetingId);
    if (!opening) {
      opening = LiveMeeting.create({
        meetingId,
        title: row.title,
        mode: row.mode,
        plenary: row.plenary,
        capacity: this.svc.config.plenaryCapacity,
        hostUserId: row.facts.hostId,
        pool: this.svc.media,
        media: { consumersPerRouter: this.svc.config.mediaRouterConsumers, iceServers: this.svc.config.iceServers },
        log: this.svc.log,
        sink: { toSocket: (socketId, n) => this.deliver(socketId, n) },
      })
        .then((meeting) => {
          this.meetings.set(meetingId, meeting);
          this.svc.log.info({ meetingId }, 'online meeting opened');
          this.sink?.announceOpened(meetingId);
          return meeting;
        })
        .finally(() => this.opening.delete(meetingId));
      this.opening.set(meetingId, opening);
    }
    return opening;
  }

  placeOf(socketId: string): Place | undefined {
    return this.places.get(socketId);
  }

  setPlace(socketId: string, place: Place): void {
    this.places.set(socketId, place);
  }

  /** Takes a socket out of its meeting or lobby; closes the meeting when nobody is left. */
  leave(socketId: string): void {
    const place = this.places.get(socketId);
    if (!place) return;
    this.places.delete(socketId);
    const meeting = this.meetings.get(place.meetingId);
    if (!meeting) return;
    if (place.kind === 'member') meeting.leave(place.peerId);
    else meeting.leaveLobby(place.lobbyId);
    this.closeIfIdle(meeting);
  }

  /** Forgets a socket's place without telling the meeting (it already let them go: removed, rejected, admitted). */
  forget(socketId: string, meetingId: string): void {
    if (this.places.get(socketId)?.meetingId === meetingId) this.places.delete(socketId);
  }

  closeIfIdle(meeting: LiveMeeting): void {
    if (!meeting.empty || meeting.closed) return;
    meeting.close('idle');
    this.meetings.delete(meeting.meetingId);
    this.svc.log.info({ meetingId: meeting.meetingId }, 'online meeting closed: nobody left');
  }

  /** The socket is gone: leave its meeting, after a join it may still have in flight. */
  socketClosed(socketId: string): void {
    const pending = this.queues.get(socketId);
    if (!pending) return this.leave(socketId);
    void pending.then(() => {
      this.leave(socketId);
      this.queues.delete(socketId);
    });
  }

  /**
   * Another instance opened this meeting: the load balancer sends its joins there now. That happens when an instance
   * that died comes back: consistent hashing (deploy/nginx) gives it its meetings back, so a participant who joins
   * after that lands on it while those who moved here when it died are still here, and the meeting would be split in
   * two. The newest opening is where the load balancer routes the meeting now, so this copy closes and its people's
   * connections drop: they reconnect through the load balancer to that instance and rejoin by themselves, as after a
   * crash, and the meeting is whole again.
   */
  movedAway(meetingId: string): void {
    const meeting = this.meetings.get(meetingId);
    if (!meeting) return;
    this.meetings.delete(meetingId);
    const sockets = this.takePlaces(meetingId);
    meeting.close('moved');
    for (const id of sockets) this.sink?.reconnect(id);
    this.svc.log.info({ meetingId, sockets: sockets.length }, 'online meeting moved to another instance');
  }

  /** The meeting ended (its host or organiser ended it): everyone is told and its media closes. */
  end(meetingId: string): void {
    const meeting = this.meetings.get(meetingId);
    if (!meeting) return;
    this.meetings.delete(meetingId);
    this.takePlaces(meetingId);
    meeting.close('ended');
  }

  live(): LiveMeeting[] {
    return [...this.meetings.values()];
  }

  /** Closes every meeting (before the worker pool stops); safe to call twice. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const meeting of this.meetings.values()) meeting.close('ended');
    this.meetings.clear();
    this.places.clear();
  }

  /** Forgets where every socket in this meeting (as a member or in its lobby) was; returns those sockets. */
  private takePlaces(meetingId: string): string[] {
    const sockets = [...this.places].filter(([, place]) => place.meetingId === meetingId).map(([id]) => id);
    for (const id of sockets) this.places.delete(id);
    return sockets;
  }

  private deliver(socketId: string, notification: MeetingNotification): void {
    this.sink?.toSocket(socketId, notification);
  }
}
