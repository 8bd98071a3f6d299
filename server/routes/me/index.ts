// The signed-in user's own account: password, authenticator enrolment, language.
import { routeArea } from '../../http/routeArea.ts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setLocale } from '../../commands/accounts/localeSetter.ts';
import { changePassword } from '../../commands/accounts/passwordChanger.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../commands/accounts/totpEnroller.ts';
import { Forbidden } from '../../errors.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { setSessionCookie } from '../auth/cookie.ts';
import { stage } from '../auth/schema.ts';

const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/password',
    {
      config: { access: 'pending', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['me'],
        summary: 'Change my password (ends my other sessions)',
        body: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      if (auth.session.mfaPending) {
        // A forced change must not let someone with only the password skip the second factor.
        throw new Forbidden('sign_in_incomplete', 'Verify your second factor first');
      }
      await changePassword(app.svc, contextOf(request), {
        userId: auth.subject.id,
        sessionId: auth.session.id,
        ...request.body,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/mfa/enrolment',
    {
      config: { access: 'pending' },
      schema: {
        tags: ['me'],
        summary: 'Start enrolling an authenticator app (returns the secret and a QR code)',
        response: responses({ 200: z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() }) }),
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return startTotpEnrolment(app.svc, contextOf(request), auth.subject.id);
    },
  );

  app.post(
    '/mfa/enrolment/confirm',
    {
      config: { access: 'pending', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['me'],
        summary: 'Confirm the authenticator with a code; returns one-time recovery codes',
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/),
        }),
        response: responses({ 200: z.object({ recoveryCodes: z.array(z.string()), stage, csrfToken: z.string() }) }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const result = await confirmTotpEnrolment(app.svc, contextOf(request), {
        userId: auth.subject.id,
        sessionId: auth.session.id,
        code: request.body.code,
      });
      app.svc.notifications.closeSessions(result.closedSessionIds);
      setSessionCookie(reply, result.token, app.svc.config);
      return { recoveryCodes: result.recoveryCodes, stage: result.stage, csrfToken: result.csrfToken };
    },
  );

  app.patch(
    '/',
    {
      schema: {
        tags: ['me'],
        summary: 'Update my preferences',
        body: z.strictObject({ locale: z.enum(['zh-CN', 'en']) }),
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      await setLocale(app.svc, contextOf(request), auth.subject.id, request.body.locale);
      return { ok: true as const };
    },
  );
};

export default routeArea('/api/me', [meRoutes]);
