// Task lists: my tasks, my unit's tasks and the supervision desk, with filters and paging. Written in SQL so every
// shape is answered from an index: the candidate tasks come from indexed lookups (lead unit, co-unit rows, owner,
// co-owner rows …) joined back to the task, never from a scan of all tasks with ORs across columns.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { addDays } from '../../domain/calendar/isoDate.ts';
import { endOfChinaDay } from '../../domain/supervision/deadlines.ts';
import { OPEN_STATUSES, type BasisType, type Priority, type TaskStatus } from '../../domain/supervision/vocabulary.ts';
import { taskVisibility, type Oversight } from '../../policies/supervision.ts';
import { sqlTime } from './sqlTime.ts';

export type ListScope = 'mine' | 'unit' | 'desk';

export interface TaskQuery {
  scope: ListScope;
  status?: TaskStatus[];
  unitId?: string;
  basisType?: BasisType;
  priority?: Priority;
  dueFrom?: string;
  dueTo?: string;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export interface TaskRow {
  id: string;
  year: number;
  serial: number;
  title: string;
  basisType: string;
  status: string;
  priority: string;
  classification: number;
  leadUnitId: string;
  leadUnitName: string;
  ownerId: string | null;
  ownerName: string | null;
  supervisorId: string;
  supervisorName: string;
  dueDate: string;
  rectifyDueDate: string | null;
  deadlineAt: Date | string;
  progress: number;
  lateDays: number;
  returnCount: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

const OPEN = Prisma.join([...OPEN_STATUSES]);

/**
 * Conditions on status, classification and deadline: these columns exist on the task and, as copies, on the
 * co-unit rows, so they can be written against either (alias t or cu).
 */
function indexedFilters(alias: string, subject: Subject, query: TaskQuery, now: Date): Prisma.Sql[] {
  const col = (name: string) => Prisma.raw(`${alias}.${name}`);
  const where: Prisma.Sql[] = [Prisma.sql`${col('classification')} <= ${subject.clearance}`];
  if (query.status?.length) where.push(Prisma.sql`${col('status')} IN (${Prisma.join(query.status)})`);
  if (query.dueFrom) where.push(Prisma.sql`${col('deadlineAt')} > ${sqlTime(endOfChinaDay(addDays(query.dueFrom, -1)))}`);
  if (query.dueTo) where.push(Prisma.sql`${col('deadlineAt')} <= ${sqlTime(endOfChinaDay(query.dueTo))}`);
  if (query.overdue === true) where.push(Prisma.sql`${col('status')} IN (${OPEN}) AND ${col('deadlineAt')} < ${sqlTime(now)}`);
  if (query.overdue === false) where.push(Prisma.sql`NOT (${col('status')} IN (${OPEN}) AND ${col('deadlineAt')} < ${sqlTime(now)})`);
  return where;
}

/** Conditions only the task itself can answer. */
function taskFilters(query: TaskQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (query.unitId) where.push(Prisma.sql`(t.leadUnitId = ${query.unitId} OR EXISTS (SELECT 1 FROM SupervisionTaskUnit x WHERE x.taskId = t.id AND x.unitId = ${query.unitId}))`);
  if (query.basisType) where.push(Prisma.sql`t.basisType = ${query.basisType}`);
  if (query.priority) where.push(Prisma.sql`t.priority = ${query.priority}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const serial = /^\d{1,6}$/.test(query.q) ? Number(query.q) : -1;
    where.push(Prisma.sql`(t.title LIKE ${like} ESCAPE '\\' OR t.requirement LIKE ${like} ESCAPE '\\' OR t.serial = ${serial})`);
  }
  return where;
}

/**
 * The (id, deadlineAt) pairs a list draws from: a UNION of index range scans — tasks led by the units, co-unit rows,
 * tasks of the person — each with every filter it can answer itself. Supervisors' desk reads the task index directly.
 */
function candidates(subject: Subject, oversight: Oversight, query: TaskQuery, now: Date, everyUnit: boolean): Prisma.Sql {
  const me = subject.id;
  const onTask = (condition: Prisma.Sql) => Prisma.sql`SELECT t.id AS id, t.deadlineAt AS deadlineAt FROM SupervisionTask t WHERE ${Prisma.join([condition, ...indexedFilters('t', subject, query, now), ...taskFilters(query)], ' AND ')}`;
  const extra = taskFilters(query);
  const viaCoUnits = (unitIds: readonly string[]) => {
    const list = Prisma.join([...unitIds]);
    if (extra.length === 0) {
      return Prisma.sql`SELECT cu.taskId AS id, cu.deadlineAt AS deadlineAt FROM SupervisionTaskUnit cu WHERE ${Prisma.join([Prisma.sql`cu.unitId IN (${list})`, ...indexedFilters('cu', subject, query, now)], ' AND ')}`;
    }
    return Prisma.sql`SELECT t.id AS id, t.deadlineAt AS deadlineAt FROM SupervisionTaskUnit cu JOIN SupervisionTask t ON t.id = cu.taskId WHERE ${Prisma.join([Prisma.sql`cu.unitId IN (${list})`, ...indexedFilters('t', subject, query, now), ...extra], ' AND ')}`;
  };
  const byUnits = (unitIds: readonly string[]) => unitIds.length === 0 ? [] : [onTask(Prisma.sql`t.leadUnitId IN (${Prisma.join([...unitIds])})`), viaCoUnits(unitIds)];
  const coOwned = Prisma.sql`SELECT t.id AS id, t.deadlineAt AS deadlineAt FROM SupervisionCoOwner co JOIN SupervisionTask t ON t.id = co.taskId WHERE ${Prisma.join([Prisma.sql`co.userId = ${me}`, ...indexedFilters('t', subject, query, now), ...extra], ' AND ')}`;
  const mine = [onTask(Prisma.sql`t.ownerId = ${me}`), coOwned, onTask(Prisma.sql`t.supervisorId = ${me}`)];
  const personal = [...mine, onTask(Prisma.sql`t.createdById = ${me}`), onTask(Prisma.sql`t.instructedById = ${me}`)];
  const visibility = taskVisibility(subject, oversight);
  let parts: Prisma.Sql[];
  if (query.scope === 'mine') parts = mine;
  else if (query.scope === 'unit') parts = byUnits([subject.unitId]);
  // A leader at the top of the tree oversees every unit: that is every task, read like the supervisors' desk.
  else if (visibility.all || everyUnit) parts = [onTask(Prisma.sql`1 = 1`)];
  else parts = [...byUnits(visibility.unitIds), ...personal];
  return Prisma.join(parts, ' UNION ');
}

/** The page of tasks, soonest deadline first, and how many match in all. */
export async function listTasks(db: Db, subject: Subject, oversight: Oversight, query: TaskQuery, now: Date): Promise<{ rows: TaskRow[]; total: number }> {
  if (subject.adminRole !== null) return { rows: [], total: 0 };
  const everyUnit = oversight.size > 1 && oversight.size >= (await db.unit.count());
  const pool = candidates(subject, oversight, query, now, everyUnit);
  const offset = (query.page - 1) * query.pageSize;
  const [page, count] = await Promise.all([
    db.$queryRaw<Array<{ id: string }>>`SELECT id FROM (${pool}) ORDER BY deadlineAt, id LIMIT ${query.pageSize} OFFSET ${offset}`,
    db.$queryRaw<Array<{ n: number | bigint }>>`SELECT COUNT(*) AS n FROM (${pool})`,
  ]);
  const ids = page.map((p) => p.id);
  if (ids.length === 0) return { rows: [], total: Number(count[0]?.n ?? 0) };
  const rows = await db.$queryRaw<TaskRow[]>`
    SELECT t.id, t.year, t.serial, t.title, t.basisType, t.status, t.priority, t.classification, t.leadUnitId, lu.name AS leadUnitName,
           t.ownerId, ou.displayName AS ownerName, t.supervisorId, su.displayName AS supervisorName, t.dueDate, t.rectifyDueDate,
           t.deadlineAt, t.progress, t.lateDays, t.returnCount, t.createdAt, t.updatedAt
    FROM SupervisionTask t
    JOIN Unit lu ON lu.id = t.leadUnitId
    JOIN User su ON su.id = t.supervisorId
    LEFT JOIN User ou ON ou.id = t.ownerId
    WHERE t.id IN (${Prisma.join(ids)})`;
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

/** Co-units of the tasks on a page, with whether each has signed. */
export async function coUnitsOf(db: Db, taskIds: readonly string[]): Promise<Map<string, Array<{ id: string; name: string; signed: boolean }>>> {
  const map = new Map<string, Array<{ id: string; name: string; signed: boolean }>>();
  if (taskIds.length === 0) return map;
  const rows = await db.$queryRaw<Array<{ taskId: string; unitId: string; name: string; signedAt: Date | string | null }>>`
    SELECT cu.taskId, cu.unitId, u.name, cu.signedAt FROM SupervisionTaskUnit cu JOIN Unit u ON u.id = cu.unitId WHERE cu.taskId IN (${Prisma.join([...taskIds])})`;
  for (const r of rows) map.set(r.taskId, [...(map.get(r.taskId) ?? []), { id: r.unitId, name: r.name, signed: r.signedAt !== null }]);
  return map;
}
