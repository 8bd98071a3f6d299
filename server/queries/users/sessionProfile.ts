// What the session answer shows about the signed-in person beyond their subject: their unit's name and their title.
import type { Db } from '../../db/client.ts';

export async function sessionProfile(
  db: Db,
  user: { id: string; unitId: string },
): Promise<{ unitName: string | null; title: string }> {
  const unit = await db.unit.findUnique({ where: { id: user.unitId }, select: { name: true } });
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { title: true } });
  return { unitName: unit?.name ?? null, title: row.title };
}
