// The long-lived services a command needs, built once at start-up and handed down explicitly.
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Keys } from './security/keys.ts';
import type { NotificationHub } from './realtime/notificationHub.ts';
import type { CollabServer } from '../collab/server.ts';

export interface Services {
  config: Config;
  db: Db;
  clock: Clock;
  keys: Keys;
  log: Logger;
  notifications: NotificationHub;
  collab: CollabServer;
}
