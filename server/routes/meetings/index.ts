// Meetings: schedule (or save a draft), preview clashes, list and calendar, one meeting, edit, people, agenda.
// The course of a meeting, replies and sign-in, materials and online access are in their own files in this folder.
import { routeArea } from '../../http/routeArea.ts';
import lifecycleRoutes from './lifecycle.ts';
import attendanceRoutes from './attendance.ts';
import materialRoutes from './materials.ts';
import materialTextRoutes from './materialText.ts';
import onlineRoutes from './online.ts';
import annotationRoutes from './annotations.ts';
import minutesRoutes from './minutes.ts';
import recordingRoutes from './recordings.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setAgenda } from '../../commands/meetings/meetingAgendaEditor.ts';
import { setParticipants } from '../../commands/meetings/meetingParticipantsEditor.ts';
import { createMeeting, type AgendaInput } from '../../commands/meetings/meetingScheduler.ts';
import { updateMeeting } from '../../commands/meetings/meetingUpdater.ts';
import { classificationLevel } from '../../domain/roles.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { okBody, responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { meetingFor } from './access.ts';
import { clashCheck } from '../../queries/meetings/clashPreview.ts';
import { meetingDetail } from '../../queries/meetings/meetingDetail.ts';
import { listMeetings } from '../../queries/meetings/meetingList.ts';
import {
  agendaBody,
  clashCheckBody,
  clashCheckResult,
  createBody,
  listBody,
  listQuery,
  meetingDetailBody,
  meetingParams,
  participantsBody,
  participantsOutcomeBody,
  patchBody,
  scheduleOutcomeBody,
} from './schema.ts';

type AgendaBody = {
  id?: string | undefined;
  title: string;
  presenterId: string | null;
  startAt: string | null;
  endAt: string | null;
};
const toAgenda = (items: AgendaBody[]): AgendaInput[] =>
  items.map((a) => ({
    id: a.id,
    title: a.title,
    presenterId: a.presenterId,
    startAt: a.startAt ? new Date(a.startAt) : null,
    endAt: a.endAt ? new Date(a.endAt) : null,
  }));

const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { svc } = app;

  app.post(
    '/',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Schedule a meeting (or save a draft): room, clashes, clearance, notices',
        body: createBody,
        response: responses({ 201: scheduleOutcomeBody }),
      },
    },
    async (request, reply) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'meeting.create');
      const b = request.body;
      const outcome = await createMeeting(
        app.svc,
        contextOf(request),
        subject,
        {
          title: b.title,
          type: b.type,
          customType: b.customType,
          description: b.description,
          hostId: b.hostId,
          minuteTakerId: b.minuteTakerId,
          startAt: new Date(b.startAt),
          endAt: new Date(b.endAt),
          timeZone: b.timeZone,
          mode: b.mode,
          plenary: b.plenary,
          roomId: b.roomId,
          classification: classificationLevel(b.classification),
          agenda: toAgenda(b.agenda),
          invitation: b.participants,
          reminderMinutes: b.reminderMinutes ?? null,
        },
        { schedule: b.schedule, acceptClashes: b.acceptClashes },
      );
      return reply.code(201).send(outcome);
    },
  );

  app.post(
    '/clash-check',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Before scheduling: is the room free, who has another meeting then, who is not cleared',
        body: clashCheckBody,
        response: responses({ 200: clashCheckResult }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'meeting.create');
      if (request.body.meetingId) await meetingFor(app, subject, request.body.meetingId, 'meeting.manage');
      return clashCheck(svc.db, subject, request.body, svc.clock.now());
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags: ['meetings'],
        summary: 'My meetings, my unit’s, or the ones I organise, for a day, week or month',
        querystring: listQuery,
        response: responses({ 200: listBody }),
      },
    },
    async (request) => listMeetings(svc.db, requireAuth(request).subject, request.query, svc.clock.now()),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'One meeting as I may see it',
        params: meetingParams,
        response: responses({ 200: meetingDetailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      return meetingDetail(svc, subject, await meetingFor(app, subject, request.params.id, 'meeting.view'));
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Edit title, type, description, host, minute-taker, classification, reminders, plenary (before the start)',
        params: meetingParams,
        body: patchBody,
        response: responses({ 200: meetingDetailBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      const { classification, ...rest } = request.body;
      await updateMeeting(app.svc, contextOf(request), subject, resource.id, {
        ...rest,
        ...(classification ? { classification: classificationLevel(classification) } : {}),
      });
      return meetingDetail(svc, subject, await meetingFor(app, subject, resource.id, 'meeting.view'));
    },
  );

  app.put(
    '/:id/participants',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Replace who is invited (people and whole units)',
        params: meetingParams,
        body: participantsBody,
        response: responses({ 200: participantsOutcomeBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      const { acceptClashes, ...invitation } = request.body;
      return setParticipants(app.svc, contextOf(request), subject, resource.id, invitation, { acceptClashes });
    },
  );

  app.put(
    '/:id/agenda',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Replace the agenda (ordered items with presenter and time slot)',
        params: meetingParams,
        body: agendaBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      const resource = await meetingFor(app, subject, request.params.id, 'meeting.manage');
      await setAgenda(app.svc, contextOf(request), resource.id, toAgenda(request.body.items));
      return { ok: true as const };
    },
  );
};

/** The meetings area: scheduling, the course of a meeting, replies and sign-in, materials, online access, minutes. */
export default routeArea('/api/meetings', [
  meetingRoutes,
  lifecycleRoutes,
  attendanceRoutes,
  materialRoutes,
  materialTextRoutes,
  onlineRoutes,
  annotationRoutes,
  minutesRoutes,
  recordingRoutes,
]);
