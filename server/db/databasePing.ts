// The readiness probe's question to the database: does it answer at all.
import type { Db } from './client.ts';

export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1');
}
