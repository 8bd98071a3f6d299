// The room catalogue (会议室): clerks add rooms and keep their capacity, equipment and location current; a retired room
// keeps its history and takes no new bookings.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { RoomEquipment } from '../../domain/meetings/vocabulary.ts';
import { Conflict, NotFound } from '../../errors.ts';
import type { Tx } from '../../db/client.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface RoomInput {
  name: string;
  location: string;
  capacity: number;
  equipment: RoomEquipment[];
  active: boolean;
}

async function nameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const other = await tx.room.findUnique({ where: { name } });
  if (other && other.id !== exceptId) throw new Conflict('room_name_taken', 'A room with this name exists');
}

export async function createRoom(svc: Services, ctx: RequestContext, input: RoomInput): Promise<{ id: string }> {
  return inTransaction(svc, async (tx) => {
    await nameFree(tx, input.name);
    const room = await tx.room.create({
      data: {
        ...input,
        equipment: JSON.stringify([...new Set(input.equipment)]),
        createdAt: ctx.at,
        updatedAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'room.create',
      resourceType: 'room',
      resourceId: room.id,
      detail: { capacity: input.capacity },
    });
    return { id: room.id };
  });
}

export async function updateRoom(
  svc: Services,
  ctx: RequestContext,
  roomId: string,
  changes: Partial<RoomInput>,
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    if (!(await tx.room.findUnique({ where: { id: roomId } }))) throw new NotFound('room');
    if (changes.name) await nameFree(tx, changes.name, roomId);
    const { equipment, ...rest } = changes;
    await tx.room.update({
      where: { id: roomId },
      data: {
        ...rest,
        ...(equipment ? { equipment: JSON.stringify([...new Set(equipment)]) } : {}),
        updatedAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'room.update',
      resourceType: 'room',
      resourceId: roomId,
      detail: { fields: Object.keys(changes) },
    });
  });
}
