// Builds the Fastify application: services, security plugins, API routes, docs, the client and socket.io.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Clock } from './clock.ts';
import { loadConfig, type Config } from './config.ts';
import { createServices } from './bootstrap.ts';
import './http/types.ts';
import { registerApiDocs } from './plugins/apiDocs.ts';
import { registerAuthentication } from './plugins/authentication.ts';
import { registerClientApp } from './plugins/clientApp.ts';
import { registerErrorHandler } from './plugins/errorHandler.ts';
import { registerWellFormedText } from './plugins/wellFormedText.ts';
import { attachSocketServer } from './realtime/socketServer.ts';
import auditRoutes from './routes/audit/index.ts';
import authRoutes from './routes/auth/index.ts';
import meRoutes from './routes/me/index.ts';
import notificationRoutes from './routes/notifications/index.ts';
import documentRoutes from './routes/documents/index.ts';
import documentReviewRoutes from './routes/documents/review.ts';
import documentExportRoutes from './routes/documents/export.ts';
import setupRoutes from './routes/setup/index.ts';
import { systemRoutes } from './routes/system/index.ts';
import supervisionRoutes from './routes/supervision/index.ts';
import { SupervisionWarnings } from './jobs/supervisionWarnings.ts';
import { mediaTestRoutes } from './routes/media/testHooks.ts';
import unitRoutes from './routes/units/index.ts';
import userRoutes from './routes/users/index.ts';
import meetingRoutes from './routes/meetings/index.ts';
import meetingLifecycleRoutes from './routes/meetings/lifecycle.ts';
import meetingAttendanceRoutes from './routes/meetings/attendance.ts';
import meetingMaterialRoutes from './routes/meetings/materials.ts';
import meetingOnlineRoutes from './routes/meetings/online.ts';
import meetingMinutesRoutes from './routes/meetings/minutes.ts';
import minutesRoutes from './routes/minutes/index.ts';
import proposalRoutes from './routes/supervision/proposals.ts';
import meetingAnnotationRoutes from './routes/meetings/annotations.ts';
import documentImageRoutes from './routes/documents/images.ts';
import roomRoutes from './routes/rooms/index.ts';
import { MeetingReminderJob } from './jobs/meetingReminders.ts';

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
  const svc = await createServices(config, { ...(options.clock ? { clock: options.clock } : {}), silent: options.logger === false });
  const { db, log } = svc;

  const app = Fastify({
    loggerInstance: log,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy,
    ...(config.tlsCert && config.tlsKey
      ? { https: { cert: (await import('node:fs')).readFileSync(config.tlsCert), key: (await import('node:fs')).readFileSync(config.tlsKey) } }
      : {}),
  }) as unknown as FastifyInstance;
  app.decorate('svc', svc);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerWellFormedText(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Over plain HTTP on a LAN address, upgrade-insecure-requests makes browsers fetch the scripts over https
        // and the page stays blank; only ask for it when Tongban is served over HTTPS.
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
  });
  await app.register(rateLimit, { global: false });
  registerAuthentication(app);
  await registerApiDocs(app);

  await app.register(setupRoutes, { prefix: '/api/setup' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(meRoutes, { prefix: '/api/me' });
  await app.register(userRoutes, { prefix: '/api/users' });
  await app.register(unitRoutes, { prefix: '/api/units' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(notificationRoutes, { prefix: '/api/notifications' });
  await app.register(documentRoutes, { prefix: '/api/documents' });
  await app.register(documentReviewRoutes, { prefix: '/api/documents' });
  for (const routes of [meetingRoutes, meetingLifecycleRoutes, meetingAttendanceRoutes, meetingMaterialRoutes, meetingOnlineRoutes, meetingAnnotationRoutes, meetingMinutesRoutes]) {
    await app.register(routes, { prefix: '/api/meetings' });
  }
  await app.register(roomRoutes, { prefix: '/api/rooms' });
  await app.register(documentExportRoutes, { prefix: '/api/documents' });
  await app.register(documentImageRoutes, { prefix: '/api/documents' });
  const supervisionWarnings = new SupervisionWarnings(svc);
  await app.register(supervisionRoutes, { prefix: '/api/supervision', warnings: supervisionWarnings });
  await app.register(proposalRoutes, { prefix: '/api/supervision/proposals' });
  await app.register(minutesRoutes, { prefix: '/api/minutes' });
  app.addHook('onReady', async () => supervisionWarnings.start());
  await app.register(systemRoutes);
  if (config.testHooks) await app.register(mediaTestRoutes);
  if (options.serveClient !== false) await registerClientApp(app);

  svc.collab.attach(app.server);
  const io = attachSocketServer(app.server, svc);
  const reminders = new MeetingReminderJob(svc);
  app.addHook('onReady', async () => reminders.start());
  app.addHook('onClose', async () => {
    await reminders.stop();
    await supervisionWarnings.stop();
    // Meetings close their media rooms before the workers under them stop.
    svc.liveMeetings.close();
    svc.media.close();
    await svc.collab.close();
    await io.close();
    await db.$disconnect();
  });
  return app;
}
