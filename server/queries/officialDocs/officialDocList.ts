// The 发文 lists: 待办 (waiting for me, or for someone I stand in for), 已办 (I gave an opinion), mine (I drafted),
// and my unit's (issued by my unit, or printed by the office I belong to). Filtered as the policies' visibility says,
// so a total never counts what the list hides.
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import type { Prisma } from '../../../prisma/generated/client.ts';
import { officialDocVisibility } from '../../policies/officialDocs.ts';
import { principalsOf } from './officialDocFacts.ts';

export type ListScope = 'todo' | 'done' | 'mine' | 'unit';

export async function listOfficialDocs(
  db: Db,
  subject: Subject,
  query: { scope: ListScope; status?: string; page: number; pageSize: number },
  now: Date,
) {
  const v = officialDocVisibility(subject);
  if (v.none) return { rows: [], total: 0 };
  const principals = await principalsOf(db, subject.id, now);
  const scoped: Record<ListScope, Prisma.OfficialDocumentWhereInput> = {
    todo: { waiting: { some: { userId: { in: [v.userId, ...principals] } } } },
    done: { opinions: { some: { userId: v.userId } } },
    mine: { drafterId: v.userId },
    unit: { OR: [{ unitId: v.unitId }, { officeUnitId: v.unitId }] },
  };
  const where: Prisma.OfficialDocumentWhereInput = {
    AND: [
      scoped[query.scope],
      { document: { deletedAt: null, classification: { lte: v.clearance } } },
      ...(query.status ? [{ status: query.status }] : []),
    ],
  };
  const [rows, total] = await Promise.all([
    db.officialDocument.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: {
        document: { select: { title: true, classification: true } },
        drafter: { select: { displayName: true } },
      },
    }),
    db.officialDocument.count({ where }),
  ]);
  return { rows, total };
}
