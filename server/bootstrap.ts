// Creates the services (database with migrations applied, keys, clock, logger) shared by the server and the CLI.
import pino from 'pino';
import { AdjustableClock, systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { databasePath, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { NotificationHub } from './realtime/notificationHub.ts';
import { loadKeys } from './security/keys.ts';
import type { Services } from './services.ts';
import { CollabServer } from '../collab/server.ts';

export async function createServices(config: Config, options: { clock?: Clock; silent?: boolean } = {}): Promise<Services> {
  migrateDatabase(databasePath(config.dataDir));
  const db = await openDatabase(config.dataDir);
  const log = pino({ level: options.silent ? 'silent' : config.logLevel });
  const clock = options.clock ?? (config.testHooks ? new AdjustableClock() : systemClock);
  const partial = { config, db, clock, keys: loadKeys(config.dataDir), log, notifications: new NotificationHub(db) };
  const svc = partial as Services;
  svc.collab = new CollabServer(svc);
  return svc;
}
