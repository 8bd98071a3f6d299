// The core services: what every command, query and job stands on, built first at start-up. Nothing here knows the
// collaboration server or the SFU; those edge services (services.ts) are built from the core afterwards.
import type { Logger } from 'pino';
import type { AuditHeadAnchor } from './audit/headAnchor.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { NotificationHub } from './notifications/notificationHub.ts';
import type { NoticeDispatcher } from './notifications/noticeChannel.ts';
import type { SearchIndex } from './search/searchIndex.ts';
import type { Keys } from './security/keys.ts';
import type { FileStore } from './storage/fileStore.ts';

export interface CoreServices {
  config: Config;
  db: Db;
  clock: Clock;
  /** The master key (encryption at rest) and the audit key (the audit log's HMAC chain). */
  keys: Keys;
  /** Signs the audit chain's newest event into the head checkpoint outside the database after each transaction. */
  auditHead: AuditHeadAnchor;
  log: Logger;
  notifications: NotificationHub;
  /** SMS, e-mail and other channels beyond the in-app notification centre (a logging channel by default). */
  notices: NoticeDispatcher;
  /** Content-addressed, sealed uploads under <dataDir>/files. */
  files: FileStore;
  /** The full-text search index, derived from the database (<dataDir>/search.db). */
  search: SearchIndex;
}
