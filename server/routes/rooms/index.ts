// Meeting rooms (会议室): the catalogue, and when each room is taken (availability for a day or week, a room's own
// calendar). Titles of meetings the caller may not see are shown as busy only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Subject } from '../../auth/subject.ts';
import { createRoom, updateRoom } from '../../commands/meetings/roomEditor.ts';
import { NotFound } from '../../errors.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, okBody, responses } from '../../http/schemas.ts';
import { authorize, can } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import { presentRoom } from '../../presenters/meeting.ts';
import { rangeFor } from '../meetings/queries.ts';
import { calendarQuery } from '../meetings/schema.ts';
import { availabilityBody, createRoomBody, patchRoomBody, roomBody, roomListQuery } from './schema.ts';

const roomRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.svc;

  async function availability(subject: Subject, roomIds: string[] | null, query: z.infer<typeof calendarQuery>): Promise<z.infer<typeof availabilityBody>> {
    const { from, to } = rangeFor(query, app.svc.clock.now());
    const rooms = await db.room.findMany({ where: roomIds ? { id: { in: roomIds } } : { active: true }, orderBy: { name: 'asc' } });
    const bookings = await db.roomBooking.findMany({
      where: { roomId: { in: rooms.map((r) => r.id) }, startAt: { lt: to }, endAt: { gt: from } },
      orderBy: { startAt: 'asc' },
      select: { roomId: true, startAt: true, endAt: true, meeting: { select: { ...meetingFactsSelect(subject.id), title: true, organiserUnit: { select: { name: true } } } } },
    });
    return {
      from: from.toISOString(), to: to.toISOString(),
      rooms: rooms.map((room) => ({
        room: presentRoom(room),
        bookings: bookings.filter((b) => b.roomId === room.id).map((b) => {
          const visible = can(subject, 'meeting.view', meetingResource(b.meeting));
          return {
            meetingId: visible ? b.meeting.id : null, title: visible ? b.meeting.title : null, organiserUnitName: b.meeting.organiserUnit.name,
            startAt: b.startAt.toISOString(), endAt: b.endAt.toISOString(), status: visible ? b.meeting.status : null,
          };
        }),
      })),
    };
  }

  app.get('/', {
    schema: { tags: ['rooms'], summary: 'The room catalogue', querystring: roomListQuery, response: responses({ 200: z.object({ items: z.array(roomBody) }) }) },
  }, async (request) => {
    authorize(requireAuth(request).subject, 'room.list');
    const { includeRetired, minCapacity } = request.query;
    const rows = await db.room.findMany({ where: { ...(includeRetired === 'true' ? {} : { active: true }), ...(minCapacity ? { capacity: { gte: minCapacity } } : {}) }, orderBy: { name: 'asc' } });
    const items = rows.map(presentRoom).filter((r) => !request.query.equipment || r.equipment.includes(request.query.equipment));
    return { items };
  });

  app.post('/', {
    schema: { tags: ['rooms'], summary: 'Add a room (clerks)', body: createRoomBody, response: responses({ 201: roomBody }) },
  }, async (request, reply) => {
    authorize(requireAuth(request).subject, 'room.manage');
    const { id } = await createRoom(app.svc, contextOf(request), request.body);
    return reply.code(201).send(presentRoom(await db.room.findUniqueOrThrow({ where: { id } })));
  });

  app.patch('/:id', {
    schema: { tags: ['rooms'], summary: 'Edit or retire a room (clerks)', params: idParams, body: patchRoomBody, response: responses({ 200: okBody }) },
  }, async (request) => {
    authorize(requireAuth(request).subject, 'room.manage', { kind: 'room', id: request.params.id });
    await updateRoom(app.svc, contextOf(request), request.params.id, request.body);
    return { ok: true as const };
  });

  app.get('/availability', {
    schema: { tags: ['rooms'], summary: 'When each room is taken on a day or in a week (local days, Asia/Shanghai by default)', querystring: calendarQuery, response: responses({ 200: availabilityBody }) },
  }, async (request) => {
    const { subject } = requireAuth(request);
    authorize(subject, 'room.list');
    return availability(subject, null, request.query);
  });

  app.get('/:id/calendar', {
    schema: { tags: ['rooms'], summary: 'One room’s bookings for a day, week or month', params: idParams, querystring: calendarQuery, response: responses({ 200: availabilityBody }) },
  }, async (request) => {
    const { subject } = requireAuth(request);
    authorize(subject, 'room.list');
    if (!(await db.room.findUnique({ where: { id: request.params.id }, select: { id: true } }))) throw new NotFound('room');
    return availability(subject, [request.params.id], request.query);
  });
};

export default roomRoutes;
