// The business areas of the API, registered together under one gate: an administrator's request to any of their
// routes is refused 403 (and audited) before the route runs, whatever the route; the routes' own rules then decide for
// business users. A new business area joins by being listed in app.ts, not by remembering a check per route.
import type { FastifyPluginAsync } from 'fastify';
import { authorize } from '../policies/index.ts';

export function businessWorkspace(areas: readonly FastifyPluginAsync[]): FastifyPluginAsync {
  return async (app) => {
    // Runs after the authentication hook (registered on the root), which has loaded the session and refused requests
    // without one where the route needs it.
    app.addHook('onRequest', async (request) => {
      if (request.auth) authorize(request.auth.subject, 'workspace.use');
    });
    for (const area of areas) await app.register(area);
  };
}
