// The minutes of a meeting (会议纪要): open them (from the template on first use), see where they stand, finalise,
// confirm or object, answer objections (minute-taker or host), reopen, close (signed), the signed PDF and its
// verification. Each route asks the minutes policies about the meeting, then calls one command or query.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeMinutes } from '../../commands/minutes/minutesCloser.ts';
import { answerMinutes } from '../../commands/minutes/minutesConfirmer.ts';
import { prepareMinutes } from '../../commands/minutes/minutesCreator.ts';
import { exportMinutesPdf } from '../../commands/minutes/minutesExporter.ts';
import { finaliseMinutes } from '../../commands/minutes/minutesFinalizer.ts';
import { resolveObjection } from '../../commands/minutes/minutesObjectionResolver.ts';
import { reopenMinutes } from '../../commands/minutes/minutesReopener.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import type { Action } from '../../policies/index.ts';
import { minutesView, verifyMinutes } from '../../queries/minutes/minutesView.ts';
import { meetingFor } from './access.ts';
import { meetingParams } from './schema.ts';
import {
  answerBody,
  closedBody,
  minutesBody,
  objectionParams,
  preparedBody,
  reopenBody,
  resolveBody,
  verificationBody,
} from './minutesSchema.ts';

const tags = ['minutes'];

const minutesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;
  const allowed = async (request: Parameters<typeof requireAuth>[0], id: string, action: Action) => {
    const { subject } = requireAuth(request);
    return { subject, meeting: await meetingFor(app, subject, id, action) };
  };
  /** After a change the caller sees the minutes as they now stand (the meeting's status may have moved too). */
  const fresh = async (request: Parameters<typeof requireAuth>[0], id: string) => {
    const { subject } = requireAuth(request);
    return minutesView(svc.db, subject, await meetingFor(app, subject, id, 'minutes.read'));
  };

  app.post(
    '/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Open the minutes, creating them from the template (header from the meeting) on first use',
        params: meetingParams,
        response: responses({ 200: preparedBody, 201: preparedBody }),
      },
    },
    async (request, reply) => {
      const { subject, meeting } = await allowed(request, request.params.id, 'minutes.prepare');
      const prepared = await prepareMinutes(svc, contextOf(request), subject, meeting.id);
      return reply.code(prepared.created ? 201 : 200).send(prepared);
    },
  );

  app.get(
    '/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Where the minutes stand: status, signed version, confirmations, what I may do',
        params: meetingParams,
        response: responses({ 200: minutesBody }),
      },
    },
    async (request) => {
      const { subject, meeting } = await allowed(request, request.params.id, 'minutes.read');
      return minutesView(svc.db, subject, meeting);
    },
  );

  app.post(
    '/:id/minutes/finalise',
    {
      schema: {
        tags,
        summary: 'Finalise (read-only for everyone) and ask the attendees to confirm',
        params: meetingParams,
        response: responses({ 200: minutesBody }),
      },
    },
    async (request) => {
      const { meeting } = await allowed(request, request.params.id, 'minutes.write');
      await finaliseMinutes(svc, contextOf(request), meeting.id);
      return fresh(request, meeting.id);
    },
  );

  app.post(
    '/:id/minutes/confirmations',
    {
      schema: {
        tags,
        summary: 'Confirm the finalised minutes, or object with a comment',
        params: meetingParams,
        body: answerBody,
        response: responses({ 200: minutesBody }),
      },
    },
    async (request) => {
      const { subject, meeting } = await allowed(request, request.params.id, 'minutes.confirm');
      await answerMinutes(svc, contextOf(request), subject, meeting.id, request.body);
      return fresh(request, meeting.id);
    },
  );

  app.post(
    '/:id/minutes/objections/:userId/resolve',
    {
      schema: {
        tags,
        summary: 'Answer an attendee’s objection (the minute-taker or the host)',
        params: objectionParams,
        body: resolveBody,
        response: responses({ 200: minutesBody }),
      },
    },
    async (request) => {
      const { meeting } = await allowed(request, request.params.id, 'minutes.resolve');
      await resolveObjection(svc, contextOf(request), meeting.id, request.params.userId, request.body.resolution);
      return fresh(request, meeting.id);
    },
  );

  app.post(
    '/:id/minutes/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen for changes; the attendees confirm again after the next finalisation',
        params: meetingParams,
        body: reopenBody,
        response: responses({ 200: minutesBody }),
      },
    },
    async (request) => {
      const { meeting } = await allowed(request, request.params.id, 'minutes.write');
      await reopenMinutes(svc, contextOf(request), meeting.id, request.body.reason);
      return fresh(request, meeting.id);
    },
  );

  app.post(
    '/:id/minutes/close',
    {
      schema: {
        tags,
        summary: 'Close the confirmation: freeze and sign the final version, finalise the meeting, propose tasks',
        params: meetingParams,
        response: responses({ 200: closedBody }),
      },
    },
    async (request) => {
      const { meeting } = await allowed(request, request.params.id, 'minutes.close');
      const closed = await closeMinutes(svc, contextOf(request), meeting.id);
      return { ...(await fresh(request, meeting.id)), proposals: closed.proposals };
    },
  );

  app.get(
    '/:id/minutes/pdf',
    {
      schema: {
        tags,
        summary: 'The signed minutes as PDF in the minutes layout',
        params: meetingParams,
        response: responses({ 200: z.any().describe('application/pdf') }),
      },
    },
    async (request, reply) => {
      const { meeting } = await allowed(request, request.params.id, 'minutes.read');
      const file = await exportMinutesPdf(svc, contextOf(request), meeting.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/:id/minutes/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the signed version’s content hash and check the server’s signature',
        params: meetingParams,
        response: responses({ 200: verificationBody }),
      },
    },
    async (request) => {
      const { meeting } = await allowed(request, request.params.id, 'minutes.read');
      return verifyMinutes(svc.db, svc.keys, meeting.id);
    },
  );
};

export default minutesRoutes;
