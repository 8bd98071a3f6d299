// Sign-in, second factor, session info and sign-out.
import { routeArea } from '../../http/routeArea.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionStage } from '../../auth/stage.ts';
import { signIn } from '../../commands/accounts/signIn.ts';
import { completePasswordReset } from '../../commands/accounts/passwordResetCompleter.ts';
import { verifySecondFactor } from '../../commands/accounts/secondFactorVerifier.ts';
import { signOut, signOutEverywhere } from '../../commands/accounts/signOut.ts';
import { requiresMfa } from '../../domain/roles.ts';
import { presentOwnGrants } from '../../presenters/user.ts';
import { capabilities } from '../../policies/index.ts';
import { sessionProfile } from '../../queries/users/sessionProfile.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { mfaBody, passwordResetBody, sessionBody, signInBody, stageBody } from './schema.ts';

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Per client IP: generous enough for a shared office NAT, tight enough to make guessing pointless next to the lockout.
  const AUTH_RATE_LIMIT = { max: app.svc.config.authRateLimit, timeWindow: '1 minute' };
  app.post(
    '/sign-in',
    {
      config: { access: 'public', rateLimit: AUTH_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with user name and password',
        body: signInBody,
        response: responses({ 200: stageBody }),
      },
    },
    async (request, reply) => {
      const result = await signIn(app.svc, contextOf(request), request.body);
      setSessionCookie(reply, result.token, app.svc.config);
      return { stage: result.stage, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/password-reset',
    {
      config: { access: 'public', rateLimit: AUTH_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with both halves of a reset code (one from each administrator)',
        body: passwordResetBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      await completePasswordReset(app.svc, contextOf(request), request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/mfa',
    {
      config: { access: 'pending', rateLimit: AUTH_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Complete sign-in with a TOTP or recovery code',
        body: mfaBody,
        response: responses({ 200: stageBody }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const result = await verifySecondFactor(app.svc, contextOf(request), {
        sessionId: auth.session.id,
        code: request.body.code,
      });
      app.svc.notifications.closeSessions(result.closedSessionIds);
      setSessionCookie(reply, result.token, app.svc.config);
      return { stage: result.stage, csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/session',
    {
      config: { access: 'pending' },
      schema: {
        tags: ['auth'],
        summary: 'The current session, its stage and the CSRF token',
        response: responses({ 200: sessionBody }),
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { subject, session } = auth;
      const { db } = app.svc;
      const profile = await sessionProfile(db, subject);
      const stage = sessionStage({
        mfaPending: session.mfaPending,
        mfaEnabled: auth.mfaEnabled,
        mustChangePassword: auth.mustChangePassword,
      });
      const idleEnd = session.lastSeenAt.getTime() + app.svc.config.sessionIdleMinutes * 60_000;
      return {
        stage,
        csrfToken: session.csrfToken,
        expiresAt: new Date(Math.min(idleEnd, session.absoluteExpiresAt.getTime())).toISOString(),
        idleMinutes: app.svc.config.sessionIdleMinutes,
        user: {
          id: subject.id,
          username: subject.username,
          displayName: subject.displayName,
          unitId: subject.unitId,
          unitName: profile.unitName,
          title: profile.title,
          ...presentOwnGrants(subject),
          locale: auth.locale,
          mfaEnabled: auth.mfaEnabled,
          mfaRequired: requiresMfa(subject, app.svc.config.mfaRequired),
        },
        capabilities: stage === 'active' ? capabilities(subject) : [],
      };
    },
  );

  app.post(
    '/sign-out',
    {
      config: { access: 'pending' },
      schema: { tags: ['auth'], summary: 'Sign out of this browser', response: responses({ 200: okBody }) },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await signOut(app.svc, contextOf(request), auth.session.id);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/sign-out-everywhere',
    {
      schema: {
        tags: ['auth'],
        summary: 'End every session of the signed-in user',
        response: responses({ 200: okBody }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await signOutEverywhere(app.svc, contextOf(request), auth.subject.id);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );
};

export default routeArea('/api/auth', [authRoutes]);
