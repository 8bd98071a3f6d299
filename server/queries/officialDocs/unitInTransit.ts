// The office's view of its unit's 公文 on their way (在途): those in their route or between 签发 and distribution, and
// the steps among them past their 办理时限 with who is late. Read with the same filter as the "my unit's" list (the
// policy's visibility: issued by the unit or printed by its office, within clearance), so each total counts exactly
// what its list would show page by page.
import { shanghaiDateOf, toEpochDay, type IsoDate } from '../../../common/calendar/isoDate.ts';
import type { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { stepDueOn } from '../../domain/officialDocs/stepDeadlines.ts';
import type { Route } from '../../domain/officialDocs/vocabulary.ts';
import { officialDocVisibility } from '../../policies/officialDocs.ts';

/** Signed off but not yet distributed counts as on its way too: the office still has to number, seal and send it. */
const IN_TRANSIT = ['in_route', 'signed_off', 'numbered', 'sealed'];

export interface InTransitItem {
  id: string;
  title: string;
  status: string;
  urgency: string;
  /** The current step's name, or empty between 签发 and distribution. */
  stepName: string;
  updatedAt: string;
}

export interface OverdueStep {
  id: string;
  title: string;
  stepName: string;
  dueOn: IsoDate;
  daysLate: number;
  /** Who the step still waits for, past their 办理时限. */
  late: string[];
}

export interface UnitInTransit {
  inTransit: { total: number; items: InTransitItem[] };
  overdue: { total: number; items: OverdueStep[] };
}

const currentStepName = (route: Route): string => route.steps[route.current]?.name ?? '';

export async function unitInTransit(db: Db, subject: Subject, now: Date, limit: number): Promise<UnitInTransit> {
  const empty = { inTransit: { total: 0, items: [] }, overdue: { total: 0, items: [] } };
  const v = officialDocVisibility(subject);
  if (v.none) return empty;
  const unitDocs: Prisma.OfficialDocumentWhereInput = {
    OR: [{ unitId: v.unitId }, { officeUnitId: v.unitId }],
    document: { deletedAt: null, classification: { lte: v.clearance } },
  };
  const where: Prisma.OfficialDocumentWhereInput = { AND: [unitDocs, { status: { in: IN_TRANSIT } }] };
  const select = {
    id: true,
    status: true,
    urgency: true,
    route: true,
    updatedAt: true,
    document: { select: { title: true } },
  };
  const [rows, total, timed] = await Promise.all([
    db.officialDocument.findMany({ where, select, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], take: limit }),
    db.officialDocument.count({ where }),
    // Only a step that has a deadline can be late.
    db.officialDocument.findMany({
      where: { AND: [unitDocs, { status: 'in_route' }, { waiting: { some: {} } }] },
      select: { ...select, waiting: { select: { userId: true, stepId: true, since: true } } },
    }),
  ]);
  const overdue = await overdueSteps(db, timed, shanghaiDateOf(now));
  return {
    inTransit: {
      total,
      items: rows.map((r) => ({
        id: r.id,
        title: r.document.title,
        status: r.status,
        urgency: r.urgency,
        stepName: r.status === 'in_route' ? currentStepName(JSON.parse(r.route) as Route) : '',
        updatedAt: r.updatedAt.toISOString(),
      })),
    },
    overdue: { total: overdue.length, items: overdue.slice(0, limit) },
  };
}

type TimedRow = {
  id: string;
  route: string;
  document: { title: string };
  waiting: Array<{ userId: string; stepId: string; since: Date }>;
};

/** The 公文 whose step waits for someone past their due date, the longest late first. */
async function overdueSteps(db: Db, docs: TimedRow[], today: IsoDate): Promise<OverdueStep[]> {
  if (docs.length === 0) return [];
  const deadlines = await db.officialDocumentStepDeadline.findMany({
    where: { officialDocumentId: { in: docs.map((d) => d.id) } },
  });
  const days = new Map(deadlines.map((d) => [`${d.officialDocumentId} ${d.stepId}`, d.workingDays]));
  const found: Array<Omit<OverdueStep, 'late'> & { lateIds: string[] }> = [];
  for (const doc of docs) {
    const late = doc.waiting.flatMap((w) => {
      const workingDays = days.get(`${doc.id} ${w.stepId}`);
      if (workingDays === undefined) return [];
      const dueOn = stepDueOn(shanghaiDateOf(w.since), workingDays);
      return dueOn < today ? [{ userId: w.userId, stepId: w.stepId, dueOn }] : [];
    });
    if (late.length === 0) continue;
    const first = late.reduce((a, b) => (b.dueOn < a.dueOn ? b : a));
    const route = JSON.parse(doc.route) as Route;
    found.push({
      id: doc.id,
      title: doc.document.title,
      stepName: route.steps.find((s) => s.id === first.stepId)?.name ?? '',
      dueOn: first.dueOn,
      daysLate: toEpochDay(today) - toEpochDay(first.dueOn),
      lateIds: late.map((l) => l.userId),
    });
  }
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(found.flatMap((f) => f.lateIds))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  return found
    .sort((a, b) => b.daysLate - a.daysLate || a.id.localeCompare(b.id))
    .map(({ lateIds, ...step }) => ({ ...step, late: lateIds.map((id) => names.get(id) ?? '') }));
}
