// Moves the minutes' status inside a command's transaction, only if nobody moved it first (two clicks, two tabs).
import type { Tx } from '../../db/client.ts';
import type { Prisma } from '../../../prisma/generated/client.ts';
import { InvalidState } from '../../errors.ts';

export async function moveMinutes(
  tx: Tx,
  meetingId: string,
  from: string,
  data: Prisma.MeetingMinutesUncheckedUpdateManyInput,
): Promise<void> {
  const changed = await tx.meetingMinutes.updateMany({ where: { meetingId, status: from }, data });
  if (changed.count !== 1)
    throw new InvalidState('concurrent_change', 'The minutes changed meanwhile; reload and try again');
}
