// The media area: nothing for users (signalling runs over socket.io); with TONGBAN_TEST_HOOKS, the media internals
// end-to-end tests look at.
import type { FastifyInstance } from 'fastify';
import { mediaTestRoutes } from './testHooks.ts';

export default async function mediaRoutes(app: FastifyInstance): Promise<void> {
  if (app.svc.config.testHooks) await app.register(mediaTestRoutes);
}
