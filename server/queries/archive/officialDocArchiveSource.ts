// What the archive builder lays down for one 公文: its record, 正文 document, attachments, opinions with their authors,
// trail, versions of its 正文, seals applied, 分发 rows and, for a 收文, its incoming facts. Also which completed 公文
// wait for a package (发文 distributed with every recipient done, 收文 办结).
import type { Db, Tx } from '../../db/client.ts';
import { everyRecipientDone } from '../../domain/archive/archiveRules.ts';

export async function loadOfficialDocForArchive(db: Db | Tx, id: string) {
  return db.officialDocument.findUniqueOrThrow({
    where: { id },
    include: {
      document: {
        select: { id: true, title: true, classification: true, status: true, unitId: true, deletedAt: true },
      },
      unit: { select: { id: true, name: true, archiveCode: true } },
      drafter: { select: { displayName: true } },
      attachments: { orderBy: { number: 'asc' } },
      opinions: { orderBy: { createdAt: 'asc' }, include: { user: { select: { displayName: true } } } },
      distributions: { orderBy: { sentAt: 'asc' }, include: { unit: { select: { name: true } } } },
      incoming: true,
      number: true,
    },
  });
}

export type OfficialDocArchiveSource = Awaited<ReturnType<typeof loadOfficialDocForArchive>>;

/** The trail, the versions of the 正文 and the seals applied, oldest first. */
export async function officialDocArchiveHistory(db: Db | Tx, officialDocumentId: string, documentId: string) {
  const [events, versions, seals] = await Promise.all([
    db.officialDocumentEvent.findMany({ where: { officialDocumentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    db.documentVersion.findMany({ where: { documentId }, orderBy: { createdAt: 'asc' } }),
    db.sealUse.findMany({
      where: { officialDocumentId },
      orderBy: { at: 'asc' },
      include: { seal: { select: { name: true, unitId: true } }, user: { select: { displayName: true } } },
    }),
  ]);
  return { events, versions, seals };
}

/** Completed 公文 not yet packaged: 收文 办结, and 发文 distributed whose every recipient is done. */
export async function completedOfficialDocsWithoutPackage(db: Db | Tx, limit: number): Promise<string[]> {
  const candidates = await db.officialDocument.findMany({
    // Queueing sets the status to archived in the same transaction: what is still distributed or finished has no package.
    where: { status: { in: ['distributed', 'finished'] }, document: { deletedAt: null } },
    select: {
      id: true,
      status: true,
      distributions: { select: { id: true, status: true, reissueOfId: true } },
    },
    orderBy: { updatedAt: 'asc' },
  });
  return candidates
    .filter((c) => c.status === 'finished' || everyRecipientDone(c.distributions))
    .slice(0, limit)
    .map((c) => c.id);
}
