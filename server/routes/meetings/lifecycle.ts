// The course of a meeting: schedule a draft, reschedule, cancel, start, end, finalise its minutes; and its .ics file.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cancelMeeting } from '../../commands/meetings/meetingCanceller.ts';
import { endMeeting, startMeeting } from '../../commands/meetings/meetingLifecycle.ts';
import { rescheduleMeeting } from '../../commands/meetings/meetingRescheduler.ts';
import { scheduleDraft } from '../../commands/meetings/meetingScheduler.ts';
import { placeOf } from '../../notifications/meetingNotices.ts';
import { buildIcs } from '../../domain/meetings/ics.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { meetingCalendarEntry } from '../../queries/meetings/meetingCalendarEntry.ts';
import { authorize } from '../../policies/index.ts';
import { meetingFor } from './access.ts';
import {
  cancelBody,
  meetingParams,
  rescheduleBody,
  rescheduleOutcomeBody,
  scheduleBody,
  scheduleOutcomeBody,
} from './schema.ts';

const lifecycleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  app.post(
    '/:id/schedule',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Schedule a draft: book its room, check clashes, notify everyone',
        params: meetingParams,
        body: scheduleBody,
        response: responses({ 200: scheduleOutcomeBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      return scheduleDraft(app.svc, contextOf(request), subject, resource.id, request.body);
    },
  );

  app.post(
    '/:id/reschedule',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Move to another time, room or mode; re-checks the room and clashes and notifies everyone',
        params: meetingParams,
        body: rescheduleBody,
        response: responses({ 200: rescheduleOutcomeBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      const b = request.body;
      return rescheduleMeeting(app.svc, contextOf(request), subject, resource.id, {
        startAt: new Date(b.startAt),
        endAt: new Date(b.endAt),
        mode: b.mode,
        roomId: b.roomId,
        acceptClashes: b.acceptClashes,
      });
    },
  );

  app.post(
    '/:id/cancel',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Cancel before the start, with a reason everyone is told',
        params: meetingParams,
        body: cancelBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      await cancelMeeting(app.svc, contextOf(request), subject, resource.id, request.body.reason);
      return { ok: true as const };
    },
  );

  for (const [path, run, summary] of [
    ['start', startMeeting, 'Start the meeting (at most 30 minutes early)'],
    ['end', endMeeting, 'End the meeting; an early end frees the room'],
  ] as const) {
    app.post(
      `/:id/${path}`,
      {
        schema: { tags: ['meetings'], summary, params: meetingParams, response: responses({ 200: okBody }) },
      },
      async (request) => {
        const { subject } = requireAuth(request);
        const resource = await meetingFor(app, subject, request.params.id, 'meeting.run');
        await run(app.svc, contextOf(request), resource.id);
        return { ok: true as const };
      },
    );
  }

  app.get(
    '/:id/ics',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The meeting as an iCalendar file (公开 and 内部 meetings only)',
        params: meetingParams,
        response: responses({ 200: z.string().describe('text/calendar') }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.view');
      authorize(subject, 'meeting.export', resource);
      const m = await meetingCalendarEntry(db, resource.id);
      const agenda = m.agendaItems.map((a, i) => `${i + 1}. ${a.title}`).join('\n');
      const ics = buildIcs({
        uid: `${m.id}@tongban`,
        sequence: m.revision,
        stamp: app.svc.clock.now(),
        start: m.startAt,
        end: m.endAt,
        title: m.title,
        description: [m.description, agenda ? `议程：\n${agenda}` : ''].filter(Boolean).join('\n\n'),
        location: placeOf(m),
        url: `${app.svc.config.publicUrl}/meetings/${m.id}`,
        cancelled: m.status === 'cancelled',
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="meeting-${m.id}.ics"`)
        .header('cache-control', 'private, no-store')
        .send(ics);
    },
  );
};

export default lifecycleRoutes;
