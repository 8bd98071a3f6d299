// A meeting's minutes row with its confirmations, as the minutes commands act on it; 404 when the meeting has none.
import type { Db, Tx } from '../../db/client.ts';
import { NotFound } from '../../errors.ts';

export async function loadMinutes(db: Db | Tx, meetingId: string) {
  const minutes = await db.meetingMinutes.findUnique({ where: { meetingId }, include: { confirmations: true } });
  if (!minutes) throw new NotFound('minutes');
  return minutes;
}

export type LoadedMinutes = Awaited<ReturnType<typeof loadMinutes>>;
