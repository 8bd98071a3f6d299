// Replies (参会回执) and sign-in (签到): my reply, signing in by QR code or button, the rotating code for the room
// screen, and who has opened which material (pre-reading marks).
import QRCode from 'qrcode';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signInToMeeting } from '../../commands/meetings/meetingSignIn.ts';
import { answerRsvp } from '../../commands/meetings/rsvpResponder.ts';
import { signInProblem } from '../../domain/meetings/attendance.ts';
import { InvalidState } from '../../errors.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { materialReaders } from '../../queries/meetings/materialReaders.ts';
import { meetingTimes } from '../../queries/meetings/meetingTimes.ts';
import { issueSignInToken } from '../../security/signInToken.ts';
import { meetingFor } from './access.ts';
import {
  meetingParams,
  readersBody,
  rsvpBody,
  rsvpOutcomeBody,
  signInBody,
  signInCodeBody,
  signInOutcomeBody,
} from './schema.ts';

const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  app.post(
    '/:id/rsvp',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Reply: attend, leave (请假, with reason and optional substitute from my unit) or absent',
        params: meetingParams,
        body: rsvpBody,
        response: responses({ 200: rsvpOutcomeBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.reply');
      return answerRsvp(app.svc, contextOf(request), subject, resource.id, request.body);
    },
  );

  app.post(
    '/:id/sign-in',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Sign in: with the code from the room screen’s QR, or by the tablet button (no code)',
        params: meetingParams,
        body: signInBody,
        response: responses({ 200: signInOutcomeBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.signIn');
      const { code } = request.body;
      return signInToMeeting(app.svc, contextOf(request), subject, resource.id, code ? 'qr' : 'button', code);
    },
  );

  app.get(
    '/:id/sign-in-code',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The rotating sign-in QR code for the room screen (host and organisers)',
        params: meetingParams,
        response: responses({ 200: signInCodeBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.run');
      const now = app.svc.clock.now();
      const m = await meetingTimes(db, resource.id);
      const problem = signInProblem({ status: m.status, start: m.startAt, end: m.endAt }, now);
      if (problem)
        throw new InvalidState(
          problem,
          problem === 'sign_in_not_open'
            ? 'Sign-in opens 30 minutes before the start'
            : 'Sign-in is closed for this meeting',
        );
      const { token, refreshAt, expiresAt } = issueSignInToken(app.svc.keys.master, resource.id, now);
      const url = `${app.svc.config.publicUrl}/meetings/${resource.id}/sign-in?code=${encodeURIComponent(token)}`;
      const qr = await QRCode.toDataURL(url, { margin: 1, width: 480, errorCorrectionLevel: 'M' });
      reply.header('cache-control', 'no-store');
      return { code: token, url, qr, refreshAt: refreshAt.toISOString(), expiresAt: expiresAt.toISOString() };
    },
  );

  app.get(
    '/:id/readers',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Pre-reading marks: who has opened which material, and who not yet',
        params: meetingParams,
        response: responses({ 200: readersBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      return { items: await materialReaders(db, resource.id) };
    },
  );
};

export default attendanceRoutes;
