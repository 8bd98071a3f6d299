// The room catalogue (会议室): rooms in use or all of them, filtered by size and equipment, and one room by id.
import type { Db } from '../../db/client.ts';
import { presentRoom } from '../../presenters/meeting.ts';

export type RoomView = ReturnType<typeof presentRoom>;

export async function listRooms(
  db: Db,
  filter: { includeRetired: boolean; minCapacity?: number | undefined; equipment?: string | undefined },
): Promise<RoomView[]> {
  const rows = await db.room.findMany({
    where: {
      ...(filter.includeRetired ? {} : { active: true }),
      ...(filter.minCapacity ? { capacity: { gte: filter.minCapacity } } : {}),
    },
    orderBy: { name: 'asc' },
  });
  return rows.map(presentRoom).filter((r) => !filter.equipment || r.equipment.includes(filter.equipment));
}

/** One room, or null when there is none by that id. */
export async function roomById(db: Db, id: string): Promise<RoomView | null> {
  const row = await db.room.findUnique({ where: { id } });
  return row ? presentRoom(row) : null;
}
