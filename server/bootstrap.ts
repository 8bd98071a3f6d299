// Creates the services shared by the server and the CLI, in two typed steps: the core (database with migrations
// applied, keys, clock, logger, notifications, files), then the edge services built from it (collab, media, live meetings).
import path from 'node:path';
import pino from 'pino';
import pinoPretty from 'pino-pretty';
import { AuditHeadAnchor } from './audit/headAnchor.ts';
import { refreshStepDueCopies } from './commands/officialDocs/stepDueCopies.ts';
import { requestForLog } from './http/logRedaction.ts';
import { AdjustableClock, systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { CoreServices } from './coreServices.ts';
import { databasePath, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { NotificationHub } from './notifications/notificationHub.ts';
import { NoticeDispatcher } from './notifications/noticeChannel.ts';
import { SearchIndex } from './search/searchIndex.ts';
import { FileStore } from './storage/fileStore.ts';
import { keyPlacementWarnings } from './security/keyPlacement.ts';
import { loadKeys } from './security/keys.ts';
import type { Services } from './services.ts';
import { CollabServer } from '../collab/server.ts';
import { announcedAddress, workerCount } from '../media/settings.ts';
import { WorkerPool } from '../media/WorkerPool.ts';
import { LiveMeetings } from './realtime/onlineMeeting/LiveMeetings.ts';
import { MeetingRecordings } from './realtime/onlineMeeting/MeetingRecordings.ts';

export interface ServiceOptions {
  clock?: Clock;
  silent?: boolean;
}

export async function createServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  return createEdgeServices(await createCoreServices(config, options));
}

/** Step one: what commands, queries and jobs stand on. */
export async function createCoreServices(config: Config, options: ServiceOptions = {}): Promise<CoreServices> {
  // SQLite's migrations here; PostgreSQL's (TONGBAN_DATABASE_URL) are applied by openDatabase.
  if (!config.databaseUrl) migrateDatabase(databasePath(config.dataDir));
  const db = await openDatabase(config.dataDir, config.databaseUrl);
  await refreshStepDueCopies(db);
  const log = createLogger(config, options.silent === true);
  const clock = options.clock ?? (config.testHooks ? new AdjustableClock() : systemClock);
  const keys = loadKeys(config);
  for (const warning of keyPlacementWarnings(config)) log.warn({ security: warning.code }, warning.message);
  const auditHead = new AuditHeadAnchor(db, keys.audit, config.auditHeadFile, clock, log);
  return {
    config,
    db,
    clock,
    keys,
    auditHead,
    log,
    notifications: new NotificationHub(db),
    notices: new NoticeDispatcher(db, log),
    files: new FileStore(path.join(config.dataDir, 'files'), keys.atRest),
    search: new SearchIndex(path.join(config.dataDir, 'search.db')),
  };
}

/** Step two: the collab server and the SFU, built from the core; nothing starts listening or spawning here. */
export function createEdgeServices(core: CoreServices): Services {
  const { config, log } = core;
  const collab = new CollabServer(core);
  const media = WorkerPool.create({
    workers: workerCount(config.mediaWorkers),
    listenIp: config.mediaListenIp,
    announcedIp: announcedAddress(config.mediaListenIp, config.mediaAnnouncedIp),
    port: config.mediaPort,
    logLevel: 'warn',
    log: log.child({ component: 'media' }),
  });
  // Live meetings run commands, which take the whole set the live meetings belong to: the set names them through a
  // getter, so it is complete (and typed) before they are built. They keep it and read nothing from it while built.
  const svc: Services = {
    ...core,
    collab,
    media,
    get liveMeetings() {
      return liveMeetings;
    },
    get recordings() {
      return recordings;
    },
  };
  const liveMeetings = new LiveMeetings(svc);
  const recordings = new MeetingRecordings(svc);
  return svc;
}

/** JSON lines for log collectors; readable lines when a person watches the terminal (TONGBAN_LOG_FORMAT). */
export function createLogger(config: Config, silent: boolean, destination?: pino.DestinationStream): pino.Logger {
  const level = silent ? 'silent' : config.logLevel;
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  // Fastify logs each request through this serializer: secrets in query strings (the setup link's token) are redacted.
  const options = { level, serializers: { req: requestForLog } };
  if (!pretty) return destination ? pino(options, destination) : pino(options);
  return pino(
    options,
    pinoPretty({
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      sync: true,
    }),
  );
}
