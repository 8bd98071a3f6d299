// The long-lived services a command needs, built once at start-up and handed down explicitly.
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Keys } from './security/keys.ts';
import type { NotificationHub } from './notifications/notificationHub.ts';
import type { NoticeDispatcher } from './notifications/noticeChannel.ts';
import type { FileStore } from './storage/fileStore.ts';
import type { CollabServer } from '../collab/server.ts';
import type { WorkerPool } from '../media/WorkerPool.ts';
import type { LiveMeetings } from './realtime/onlineMeeting/LiveMeetings.ts';

export interface Services {
  config: Config;
  db: Db;
  clock: Clock;
  keys: Keys;
  log: Logger;
  notifications: NotificationHub;
  /** SMS, e-mail and other channels beyond the in-app notification centre (a logging channel by default). */
  notices: NoticeDispatcher;
  /** Content-addressed, sealed uploads under <dataDir>/files. */
  files: FileStore;
  collab: CollabServer;
  /** mediasoup workers; they start with the first online meeting. */
  media: WorkerPool;
  /** Online meetings in progress: media rooms, lobbies, hands, host controls. */
  liveMeetings: LiveMeetings;
}
