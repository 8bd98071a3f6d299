// Whether first-run setup is still needed: no system administrator exists yet.
import type { Db } from '../../db/client.ts';

export async function setupNeeded(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { adminRole: 'system' } })) === 0;
}
