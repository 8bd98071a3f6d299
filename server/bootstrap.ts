// Creates the services (database with migrations applied, keys, clock, logger) shared by the server and the CLI.
import path from 'node:path';
import pino from 'pino';
import pinoPretty from 'pino-pretty';
import { AdjustableClock, systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { databasePath, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { NotificationHub } from './notifications/notificationHub.ts';
import { NoticeDispatcher } from './notifications/noticeChannel.ts';
import { FileStore } from './storage/fileStore.ts';
import { loadKeys } from './security/keys.ts';
import type { Services } from './services.ts';
import { CollabServer } from '../collab/server.ts';
import { announcedAddress, workerCount } from '../media/settings.ts';
import { WorkerPool } from '../media/WorkerPool.ts';
import { LiveMeetings } from './realtime/onlineMeeting/LiveMeetings.ts';

export async function createServices(config: Config, options: { clock?: Clock; silent?: boolean } = {}): Promise<Services> {
  migrateDatabase(databasePath(config.dataDir));
  const db = await openDatabase(config.dataDir);
  const log = createLogger(config, options.silent === true);
  const clock = options.clock ?? (config.testHooks ? new AdjustableClock() : systemClock);
  const keys = loadKeys(config.dataDir);
  const partial = {
    config, db, clock, keys, log, notifications: new NotificationHub(db),
    notices: new NoticeDispatcher(db, log), files: new FileStore(path.join(config.dataDir, 'files'), keys.master),
  };
  const svc = partial as Services;
  svc.collab = new CollabServer(svc);
  svc.media = WorkerPool.create({
    workers: workerCount(config.mediaWorkers), listenIp: config.mediaListenIp, announcedIp: announcedAddress(config.mediaListenIp, config.mediaAnnouncedIp),
    port: config.mediaPort, logLevel: 'warn', log: log.child({ component: 'media' }),
  });
  svc.liveMeetings = new LiveMeetings(svc);
  return svc;
}

/** JSON lines for log collectors; readable lines when a person watches the terminal (TONGBAN_LOG_FORMAT). */
function createLogger(config: Config, silent: boolean): pino.Logger {
  const level = silent ? 'silent' : config.logLevel;
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  if (!pretty) return pino({ level });
  return pino({ level }, pinoPretty({ colorize: process.stdout.isTTY === true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', sync: true }));
}
