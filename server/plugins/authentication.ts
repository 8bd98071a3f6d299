// Loads the session from the cookie on every request, enforces the route's access level and CSRF protection.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { sessionStage } from '../auth/stage.ts';
import { Forbidden, Unauthorized } from '../errors.ts';
import { safeEqual } from '../security/tokens.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A cross-site page can make the browser send our cookie; it cannot make it send a matching Origin or our CSRF header. */
function originAllowed(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (origin === new URL(publicUrl).origin) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request) => {
    const { svc } = app;
    const url = request.url;
    if (!url.startsWith('/api/')) return;
    const access = request.routeOptions.config.access ?? 'active';
    request.auth = await loadSession(svc.db, request.cookies[SESSION_COOKIE], svc.clock.now(), svc.config);

    if (UNSAFE.has(request.method)) {
      if (!originAllowed(request, svc.config.publicUrl))
        throw new Forbidden('bad_origin', 'Cross-site request refused');
      if (request.auth && access !== 'public') {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !safeEqual(header, request.auth.session.csrfToken)) {
          throw new Forbidden('csrf', 'Missing or wrong CSRF token; reload the page');
        }
      }
    }

    if (access === 'public') return;
    if (!request.auth) throw new Unauthorized();
    const stage = sessionStage({
      mfaPending: request.auth.session.mfaPending,
      mfaEnabled: request.auth.mfaEnabled,
      mustChangePassword: request.auth.mustChangePassword,
    });
    if (access === 'active' && stage !== 'active')
      throw new Forbidden('sign_in_incomplete', `Finish signing in first (${stage})`);
  });
}
