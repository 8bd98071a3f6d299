// Meeting rooms (会议室): the catalogue, and when each room is taken (availability for a day or week, a room's own
// calendar). Titles of meetings the caller may not see are shown as busy only.
import { routeArea } from '../../http/routeArea.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createRoom, updateRoom } from '../../commands/meetings/roomEditor.ts';
import { NotFound } from '../../errors.ts';
import { contextOf, requireAuth } from '../../http/requestContext.ts';
import { idParams, okBody, responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { roomAvailability } from '../../queries/rooms/roomAvailability.ts';
import { listRooms, roomById } from '../../queries/rooms/roomCatalogue.ts';
import { calendarQuery } from '../meetings/schema.ts';
import { availabilityBody, createRoomBody, patchRoomBody, roomBody, roomListQuery } from './schema.ts';

const roomRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.svc;

  app.get(
    '/',
    {
      schema: {
        tags: ['rooms'],
        summary: 'The room catalogue',
        querystring: roomListQuery,
        response: responses({ 200: z.object({ items: z.array(roomBody) }) }),
      },
    },
    async (request) => {
      authorize(requireAuth(request).subject, 'room.list');
      const { includeRetired, minCapacity } = request.query;
      return {
        items: await listRooms(db, {
          includeRetired: includeRetired === 'true',
          minCapacity,
          equipment: request.query.equipment,
        }),
      };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['rooms'],
        summary: 'Add a room (clerks)',
        body: createRoomBody,
        response: responses({ 201: roomBody }),
      },
    },
    async (request, reply) => {
      authorize(requireAuth(request).subject, 'room.manage');
      const { id } = await createRoom(app.svc, contextOf(request), request.body);
      const room = await roomById(db, id);
      if (!room) throw new NotFound('room');
      return reply.code(201).send(room);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['rooms'],
        summary: 'Edit or retire a room (clerks)',
        params: idParams,
        body: patchRoomBody,
        response: responses({ 200: okBody }),
      },
    },
    async (request) => {
      authorize(requireAuth(request).subject, 'room.manage', { kind: 'room', id: request.params.id });
      await updateRoom(app.svc, contextOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/availability',
    {
      schema: {
        tags: ['rooms'],
        summary: 'When each room is taken on a day or in a week (local days, Asia/Shanghai by default)',
        querystring: calendarQuery,
        response: responses({ 200: availabilityBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'room.list');
      return roomAvailability(db, subject, null, request.query, clock.now());
    },
  );

  app.get(
    '/:id/calendar',
    {
      schema: {
        tags: ['rooms'],
        summary: 'One room’s bookings for a day, week or month',
        params: idParams,
        querystring: calendarQuery,
        response: responses({ 200: availabilityBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'room.list');
      if (!(await roomById(db, request.params.id))) throw new NotFound('room');
      return roomAvailability(db, subject, [request.params.id], request.query, clock.now());
    },
  );
};

export default routeArea('/api/rooms', [roomRoutes]);
