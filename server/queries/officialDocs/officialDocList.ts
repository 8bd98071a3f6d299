// The 发文 lists: 待办 (waiting for me, or for someone I stand in for), 已办 (I gave an opinion), mine (I drafted),
// and my unit's (issued by my unit, or printed by the office I belong to). Filtered as the policies' visibility says,
// so a total never counts what the list hides.
import { shanghaiDateOf, type IsoDate } from '../../../common/calendar/isoDate.ts';
import type { Subject } from '../../auth/subject.ts';
import { stepDueOn } from '../../domain/officialDocs/stepDeadlines.ts';
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
  if (v.none) return { rows: [], total: 0, dueOn: new Map<string, IsoDate>() };
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
  return {
    rows,
    total,
    dueOn: await dueDates(
      db,
      rows.map((r) => r.id),
      [v.userId, ...principals],
    ),
  };
}

/**
 * The 办理时限 of each listed 公文 whose current step has one: the due date of the listing person (or of someone they
 * stand in for) when the step waits for them, else the earliest of those it waits for.
 */
async function dueDates(db: Db, ids: string[], mine: string[]): Promise<Map<string, IsoDate>> {
  const out = new Map<string, IsoDate>();
  if (ids.length === 0) return out;
  const [waiting, deadlines] = await Promise.all([
    db.officialDocumentHandler.findMany({ where: { officialDocumentId: { in: ids } } }),
    db.officialDocumentStepDeadline.findMany({ where: { officialDocumentId: { in: ids } } }),
  ]);
  const days = new Map(deadlines.map((d) => [`${d.officialDocumentId}:${d.stepId}`, d.workingDays]));
  for (const id of ids) {
    const rows = waiting.filter((w) => w.officialDocumentId === id && days.has(`${id}:${w.stepId}`));
    const own = rows.filter((w) => mine.includes(w.userId));
    const due = (own.length ? own : rows)
      .map((w) => stepDueOn(shanghaiDateOf(w.since), days.get(`${id}:${w.stepId}`)!))
      .sort();
    if (due[0]) out.set(id, due[0]);
  }
  return out;
}
