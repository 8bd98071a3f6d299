// Builds the Fastify application: services, then plugins in layers (external, the app's own, the route areas), the
// client, socket.io and the collab server on the same HTTP server.
import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Clock } from './clock.ts';
import { loadConfig, type Config } from './config.ts';
import { createServices } from './bootstrap.ts';
import './http/types.ts';
import { Jobs } from './jobs/index.ts';
import { registerApiDocs } from './plugins/apiDocs.ts';
import { registerAuthentication } from './plugins/authentication.ts';
import { businessWorkspace } from './plugins/businessWorkspace.ts';
import { registerClientApp } from './plugins/clientApp.ts';
import { registerErrorHandler } from './plugins/errorHandler.ts';
import { registerExternalPlugins } from './plugins/external.ts';
import { registerWellFormedText } from './plugins/wellFormedText.ts';
import { attachSocketServer, memoryLimiters, redisLimiters } from './realtime/socketServer.ts';
import { limitsConnection, shareSocketRooms } from './scaleOut/redis.ts';
import archive from './routes/archive/index.ts';
import addressBook from './routes/addressBook/index.ts';
import audit from './routes/audit/index.ts';
import auth from './routes/auth/index.ts';
import calendar from './routes/calendar/index.ts';
import documents from './routes/documents/index.ts';
import me from './routes/me/index.ts';
import media from './routes/media/index.ts';
import meetings from './routes/meetings/index.ts';
import minutes from './routes/minutes/index.ts';
import notifications from './routes/notifications/index.ts';
import officialDocs from './routes/officialDocs/index.ts';
import rooms from './routes/rooms/index.ts';
import search from './routes/search/index.ts';
import seals from './routes/seals/index.ts';
import setup from './routes/setup/index.ts';
import supervision from './routes/supervision/index.ts';
import system from './routes/system/index.ts';
import todo from './routes/todo/index.ts';
import units from './routes/units/index.ts';
import users from './routes/users/index.ts';

/**
 * Each area registers its routes under its own prefix (routes/<area>/index.ts). The business areas sit behind one gate
 * that refuses the three administrators (三员分立), whatever the route.
 */
const ROUTE_AREAS = [
  setup,
  auth,
  me,
  users,
  units,
  audit,
  notifications,
  businessWorkspace([
    documents,
    meetings,
    rooms,
    supervision,
    minutes,
    officialDocs,
    seals,
    calendar,
    addressBook,
    search,
    todo,
    archive,
  ]),
  system,
  media,
];

export interface BuildOptions {
  config?: Partial<Config>;
  clock?: Clock;
  /** Tests that inject requests skip serving the client. */
  serveClient?: boolean;
  logger?: boolean;
}

const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const config = loadConfig(options.config);
  const svc = await createServices(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    silent: options.logger === false,
  });
  const jobs = new Jobs(svc);

  const app = Fastify({
    loggerInstance: svc.log,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy,
    ...(config.tlsCert && config.tlsKey
      ? { https: { cert: fs.readFileSync(config.tlsCert), key: fs.readFileSync(config.tlsKey) } }
      : {}),
  }) as unknown as FastifyInstance;
  app.decorate('svc', svc);
  app.decorate('jobs', jobs);

  // TONGBAN_REDIS_URL: rate limits and socket.io's attempt limits count across the instances (server/scaleOut/).
  const limits = limitsConnection(config, svc.log);
  await registerExternalPlugins(app, config, limits);
  registerErrorHandler(app);
  registerWellFormedText(app);
  registerAuthentication(app);
  await registerApiDocs(app);
  for (const area of ROUTE_AREAS) await app.register(area);
  if (options.serveClient !== false) await registerClientApp(app);

  svc.collab.attach(app.server);
  const io = attachSocketServer(app.server, svc, limits ? redisLimiters(svc, limits) : memoryLimiters(svc));
  // TONGBAN_REDIS_URL: socket.io rooms span the instances (server/scaleOut/redis.ts).
  const closeSharedRooms = shareSocketRooms(io, config, svc.log);
  app.addHook('onReady', async () => {
    // PostgreSQL (TONGBAN_DATABASE_URL): connected and its tables there before anything is served; with Redis, the
    // other instances' session ends and access changes heard.
    await svc.collab.ready();
    // Recordings this process had in progress when it last stopped release their share of the recording quota.
    await svc.recordings.recover();
    jobs.start();
  });
  app.addHook('onClose', async () => {
    await jobs.stop();
    // Recorders stop their ffmpeg processes, and meetings close their media rooms, before the workers under them stop.
    svc.recordings.close();
    svc.liveMeetings.close();
    svc.media.close();
    await svc.collab.close();
    await io.close();
    await closeSharedRooms();
    await limits?.quit();
    await svc.db.$disconnect();
    svc.search.close();
  });
  return app;
}
