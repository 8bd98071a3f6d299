// Resolves who sits in a meeting from an invitation of people and whole units, as the scheduling commands store it
// and the clash preview shows it.
import type { Db, Tx } from '../../db/client.ts';
import type { ParticipantRole } from '../../domain/meetings/vocabulary.ts';
import { BadRequest } from '../../errors.ts';
import { clearedFor } from '../../policies/predicates.ts';
import { loadPeople, requireCleared } from './meetingPeople.ts';

export interface Invitation {
  users: Array<{ userId: string; role: ParticipantRole }>;
  units: Array<{ unitId: string; role: ParticipantRole }>;
}

export interface Seat {
  userId: string;
  role: ParticipantRole;
  viaUnitId: string | null;
}

export interface SeatPlan {
  seats: Seat[];
  /** Members of invited units left out because they are not cleared for the meeting. */
  excluded: Array<{ userId: string; displayName: string; unitId: string; unitName: string }>;
}

/**
 * Resolves an invitation into seats. People named one by one must be cleared (or the whole change is refused);
 * members of an invited unit who are not cleared are left out and reported, so a unit can be invited to a 秘密
 * meeting. The host and the minute-taker always get a seat.
 */
export async function planSeats(
  tx: Tx | Db,
  invitation: Invitation,
  leads: { hostId: string | null; minuteTakerId: string | null },
  classification: number,
): Promise<SeatPlan> {
  const userIds = invitation.users.map((u) => u.userId);
  if (new Set(userIds).size !== userIds.length)
    throw new BadRequest('duplicate_participant', 'Each person may be invited once');
  const unitIds = invitation.units.map((u) => u.unitId);
  if (new Set(unitIds).size !== unitIds.length) throw new BadRequest('duplicate_unit', 'Each unit may be invited once');

  const named = await loadPeople(tx, [
    ...userIds,
    ...[leads.hostId, leads.minuteTakerId].filter((id): id is string => id !== null),
  ]);
  requireCleared(named.values(), classification);

  const units = await tx.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true } });
  const unknownUnits = unitIds.filter((id) => !units.some((u) => u.id === id));
  if (unknownUnits.length > 0)
    throw new BadRequest('unknown_unit', 'An invited unit does not exist', { ids: unknownUnits });
  const members =
    unitIds.length === 0
      ? []
      : await tx.user.findMany({
          where: { unitId: { in: unitIds }, disabled: false, adminRole: null },
          select: { id: true, displayName: true, unitId: true, clearance: true, unit: { select: { name: true } } },
          orderBy: { displayName: 'asc' },
        });

  const seats = new Map<string, Seat>();
  const excluded: SeatPlan['excluded'] = [];
  for (const invite of invitation.units) {
    for (const m of members.filter((x) => x.unitId === invite.unitId)) {
      if (!clearedFor(m, classification))
        excluded.push({ userId: m.id, displayName: m.displayName, unitId: m.unitId, unitName: m.unit.name });
      else seats.set(m.id, { userId: m.id, role: invite.role, viaUnitId: invite.unitId });
    }
  }
  for (const u of invitation.users) seats.set(u.userId, { userId: u.userId, role: u.role, viaUnitId: null });
  for (const id of [leads.hostId, leads.minuteTakerId])
    if (id && !seats.has(id)) seats.set(id, { userId: id, role: 'attendee', viaUnitId: null });
  return { seats: [...seats.values()], excluded: excluded.filter((e) => !seats.has(e.userId)) };
}
