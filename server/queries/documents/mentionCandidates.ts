// Whom a comment on a document may mention, as someone types a name: directory matches that may read the document
// (the same gate the mention and its notice pass), with the directory fields only.
import type { Db } from '../../db/client.ts';
import { readersAmong } from '../notifications/noticeReaders.ts';

/** How many directory matches are weighed per keystroke: enough that readers are found among non-readers. */
const SCAN = 60;

export async function mentionCandidates(db: Db, documentId: string, query: { q?: string | undefined; limit: number }) {
  const q = query.q?.trim();
  const rows = await db.user.findMany({
    where: {
      disabled: false,
      ...(q
        ? { OR: [{ displayName: { contains: q } }, { username: { contains: q } }, { title: { contains: q } }] }
        : {}),
    },
    select: { id: true, displayName: true, title: true, unit: { select: { name: true } } },
    orderBy: [{ unitId: 'asc' }, { displayName: 'asc' }],
    take: SCAN,
  });
  const readers = await readersAmong(
    db,
    { kind: 'document', id: documentId },
    rows.map((r) => r.id),
  );
  return rows
    .filter((r) => readers.has(r.id))
    .slice(0, query.limit)
    .map((r) => ({ id: r.id, displayName: r.displayName, unitName: r.unit.name, title: r.title }));
}
