import { z } from 'zod';
import { ROOM_EQUIPMENT } from '../../domain/meetings/vocabulary.ts';

export const roomBody = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string(),
  capacity: z.number(),
  equipment: z.array(z.string()),
  active: z.boolean(),
});

export const createRoomBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  location: z.string().trim().max(200).default(''),
  capacity: z.number().int().min(1).max(5000),
  equipment: z.array(z.enum(ROOM_EQUIPMENT)).max(ROOM_EQUIPMENT.length).default([]),
  active: z.boolean().default(true),
});

export const patchRoomBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    location: z.string().trim().max(200).optional(),
    capacity: z.number().int().min(1).max(5000).optional(),
    equipment: z.array(z.enum(ROOM_EQUIPMENT)).max(ROOM_EQUIPMENT.length).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const roomListQuery = z.strictObject({
  includeRetired: z.enum(['true', 'false']).default('false'),
  minCapacity: z.coerce.number().int().min(1).max(5000).optional(),
  equipment: z.enum(ROOM_EQUIPMENT).optional(),
});

const bookingBody = z.object({
  meetingId: z.string().nullable(),
  title: z.string().nullable(),
  organiserUnitName: z.string().nullable(),
  startAt: z.string(),
  endAt: z.string(),
  status: z.string().nullable(),
});

export const availabilityBody = z.object({
  from: z.string(),
  to: z.string(),
  rooms: z.array(z.object({ room: roomBody, bookings: z.array(bookingBody) })),
});
