// A second Tongban instance in the same process, beside a test app (issue #20, scaling out): the same data directory
// (so the same SQLite database, keys and sessions; the collab log where the config says) and the same clock, its own
// HTTP server, socket.io and collab server. Its scheduled jobs stay off: each test of jobs across instances turns on
// what it means to run.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import type { Config } from '../../server/config.ts';
import type { TestApp } from './testApp.ts';

export interface Instance {
  app: FastifyInstance;
  listen(): Promise<string>;
  close(): Promise<void>;
}

const JOBS_OFF: Partial<Config> = {
  backupAt: null,
  ocrTickSeconds: 0,
  searchTickSeconds: 0,
  supervisionTickSeconds: 0,
  officialDocTickSeconds: 0,
  archiveTickSeconds: 0,
  resealTickSeconds: 0,
};

export async function secondInstance(first: TestApp, config: Partial<Config> = {}): Promise<Instance> {
  const base = first.app.svc.config;
  const app = await buildApp({
    config: {
      authRateLimit: base.authRateLimit,
      databaseUrl: base.databaseUrl,
      redisUrl: base.redisUrl,
      redisPrefix: base.redisPrefix,
      ...JOBS_OFF,
      ...config,
      dataDir: first.dataDir,
      publicUrl: base.publicUrl,
    },
    clock: first.clock,
    serveClient: false,
    logger: false,
  });
  await app.ready();
  return {
    app,
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address !== 'object') throw new Error('not listening');
      return `http://127.0.0.1:${address.port}`;
    },
    close: () => app.close(),
  };
}
