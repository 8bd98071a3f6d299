// The unit and people directory as the minutes extractor matches names against it.
import type { Db } from '../../db/client.ts';
import type { Directory } from '../../domain/minutes/minutesProposals.ts';

export async function loadDirectory(db: Db): Promise<Directory> {
  const [units, users] = await Promise.all([
    db.unit.findMany({ select: { id: true, name: true, shortName: true, aliases: true } }),
    db.user.findMany({ where: { disabled: false, adminRole: null }, select: { id: true, displayName: true } }),
  ]);
  return { units: units.map((u) => ({ ...u, aliases: JSON.parse(u.aliases) as string[] })), users };
}
