// The people a meeting is to seat: every id must name an active person with a business role, and each must be
// cleared for the meeting's classification (refused naming each one who is not).
import type { Db, Tx } from '../../db/client.ts';
import { classificationOfLevel } from '../../domain/roles.ts';
import { BadRequest } from '../../errors.ts';
import { business, clearedFor } from '../../policies/predicates.ts';

const CLASSIFICATION_NAMES = ['公开', '内部', '秘密', '机密'];

export interface PersonRow {
  id: string;
  displayName: string;
  unitId: string;
  clearance: number;
  unit: { name: string };
}

/** The people behind a list of ids: every one must exist, be active and hold a business role. */
export async function loadPeople(tx: Tx | Db, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.user.findMany({
    where: { id: { in: unique } },
    select: {
      id: true,
      displayName: true,
      unitId: true,
      clearance: true,
      disabled: true,
      adminRole: true,
      unit: { select: { name: true } },
    },
  });
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw new BadRequest('unknown_user', 'A person on the list does not exist', { ids: missing });
  const unfit = rows.filter((r) => r.disabled || !business(r));
  if (unfit.length > 0) {
    throw new BadRequest(
      'invalid_participant',
      `${unfit.map((r) => r.displayName).join('、')} cannot take part in meetings (disabled or administrator account)`,
      { ids: unfit.map((r) => r.id) },
    );
  }
  return new Map(rows.map((r) => [r.id, r]));
}

/** Refuses, naming each of them, people not cleared for the meeting's classification. */
export function requireCleared(people: Iterable<PersonRow>, classification: number): void {
  const lacking = [...people].filter((p) => !clearedFor(p, classification));
  if (lacking.length === 0) return;
  throw new BadRequest(
    'participant_clearance',
    `${lacking.map((p) => p.displayName).join('、')} ${lacking.length > 1 ? 'are' : 'is'} not cleared for a ${CLASSIFICATION_NAMES[classification]} (${classificationOfLevel(classification)}) meeting`,
    {
      classification: classificationOfLevel(classification),
      users: lacking.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        clearance: classificationOfLevel(p.clearance),
      })),
    },
  );
}
