// The long-lived services a command needs, built once at start-up and handed down explicitly: the core services
// (coreServices.ts) and the edge services built on them (bootstrap.ts builds both, in that order).
import type { CollabServer } from '../collab/server.ts';
import type { WorkerPool } from '../media/WorkerPool.ts';
import type { CoreServices } from './coreServices.ts';
import type { LiveMeetings } from './realtime/onlineMeeting/LiveMeetings.ts';
import type { MeetingRecordings } from './realtime/onlineMeeting/MeetingRecordings.ts';

export type { CoreServices } from './coreServices.ts';

/** The services at the edge of the process, serving browsers over WebSockets and WebRTC. */
export interface EdgeServices {
  /** Hocuspocus on /collab: the Yjs documents (drafts, minutes, annotations, whiteboards). */
  collab: CollabServer;
  /** mediasoup workers; they start with the first online meeting. */
  media: WorkerPool;
  /** Online meetings in progress: media rooms, lobbies, hands, host controls. */
  liveMeetings: LiveMeetings;
  /** Recordings of the live meetings: the recorder processes and what becomes of their files. */
  recordings: MeetingRecordings;
}

export type Services = CoreServices & EdgeServices;
