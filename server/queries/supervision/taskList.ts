// Task lists: my tasks, my unit's tasks and the supervision desk, with filters and paging. Written in SQL so every
// shape is answered from an index: the candidate tasks come from indexed lookups (lead unit, co-unit rows, owner,
// co-owner rows …) joined back to the task, never from a scan of all tasks with ORs across columns. A page — its
// rows, their co-units and the total — is one query: each query costs far more in the client than in SQLite.
// One text for SQLite and PostgreSQL (quoted identifiers, as Prisma names them), but for the co-units' JSON.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import { dialectOf, type Db, type Dialect } from '../../db/client.ts';
import { sqlRows } from '../../db/sqlRows.ts';
import { addDays } from '../../../common/calendar/isoDate.ts';
import { endOfChinaDay } from '../../domain/supervision/deadlines.ts';
import {
  OPEN_STATUSES,
  TASK_STATUSES,
  type BasisType,
  type Priority,
  type TaskStatus,
} from '../../domain/supervision/vocabulary.ts';
import { taskVisibility, type Oversight, type TaskVisibility } from '../../policies/supervision.ts';
import { sqlTime } from '../../db/sqlTime.ts';

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
  /** JSON: [[unitId, unitName, signed 0/1], …] */
  coUnits: string | null;
}

/** The co-units of task t as JSON text, [[unitId, unitName, signed 0/1], …] ('[]' when none). */
const CO_UNITS = {
  sqlite: Prisma.sql`(SELECT json_group_array(json_array(cu."unitId", cu_u.name, cu."signedAt" IS NOT NULL))
     FROM "SupervisionTaskUnit" cu JOIN "Unit" cu_u ON cu_u.id = cu."unitId" WHERE cu."taskId" = t.id)`,
  postgres: Prisma.sql`(SELECT COALESCE(json_agg(json_build_array(cu."unitId", cu_u.name, CASE WHEN cu."signedAt" IS NULL THEN 0 ELSE 1 END)), '[]')::text
     FROM "SupervisionTaskUnit" cu JOIN "Unit" cu_u ON cu_u.id = cu."unitId" WHERE cu."taskId" = t.id)`,
} as const;

/** The columns of a list item (alias t for the task), its co-units folded in as JSON, in TaskRow's order (taskRowOf). */
export function summaryColumns(dialect: Dialect): Prisma.Sql {
  return Prisma.sql`
  t.id, t.year, t.serial, t.title, t."basisType", t.status, t.priority, t.classification, t."leadUnitId", lu.name AS "leadUnitName",
  t."ownerId", ou."displayName" AS "ownerName", t."supervisorId", su."displayName" AS "supervisorName", t."dueDate", t."rectifyDueDate",
  t."deadlineAt", t.progress, t."lateDays", t."returnCount", t."createdAt", t."updatedAt", ${CO_UNITS[dialect]} AS "coUnits"`;
}

/** The joins summaryColumns reads from. */
export const SUMMARY_JOINS = Prisma.sql`JOIN "Unit" lu ON lu.id = t."leadUnitId" JOIN "User" su ON su.id = t."supervisorId" LEFT JOIN "User" ou ON ou.id = t."ownerId"`;

/** TaskRow's fields in summaryColumns' order. */
const SUMMARY_FIELDS = [
  'id',
  'year',
  'serial',
  'title',
  'basisType',
  'status',
  'priority',
  'classification',
  'leadUnitId',
  'leadUnitName',
  'ownerId',
  'ownerName',
  'supervisorId',
  'supervisorName',
  'dueDate',
  'rectifyDueDate',
  'deadlineAt',
  'progress',
  'lateDays',
  'returnCount',
  'createdAt',
  'updatedAt',
  'coUnits',
] as const satisfies ReadonlyArray<keyof TaskRow>;

/** A row of summaryColumns (an array, as queryRows gives it) as a TaskRow. */
export function taskRowOf(r: unknown[]): TaskRow {
  return Object.fromEntries(SUMMARY_FIELDS.map((field, i) => [field, r[i]])) as unknown as TaskRow;
}

const OPEN = Prisma.join([...OPEN_STATUSES]);
const isOpen = (status: TaskStatus) => (OPEN_STATUSES as readonly TaskStatus[]).includes(status);

/**
 * Conditions on status, classification and deadline: these columns exist on the task and, as copies, on the
 * co-unit rows, so they can be written against either (alias t or cu). With `status`, the arm reads one status.
 */
function indexedFilters(
  alias: string,
  visibility: TaskVisibility,
  query: TaskQuery,
  now: Date,
  status?: TaskStatus,
): Prisma.Sql[] {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const where: Prisma.Sql[] = [Prisma.sql`${col('classification')} <= ${visibility.clearance}`];
  if (status) where.push(Prisma.sql`${col('status')} = ${status}`);
  else if (query.status?.length) where.push(Prisma.sql`${col('status')} IN (${Prisma.join(query.status)})`);
  if (query.dueFrom)
    where.push(Prisma.sql`${col('deadlineAt')} > ${sqlTime(endOfChinaDay(addDays(query.dueFrom, -1)))}`);
  if (query.dueTo) where.push(Prisma.sql`${col('deadlineAt')} <= ${sqlTime(endOfChinaDay(query.dueTo))}`);
  // armStatuses() keeps only open statuses for overdue=true, so one status needs only the deadline condition.
  if (query.overdue === true)
    where.push(
      status
        ? Prisma.sql`${col('deadlineAt')} < ${sqlTime(now)}`
        : Prisma.sql`${col('status')} IN (${OPEN}) AND ${col('deadlineAt')} < ${sqlTime(now)}`,
    );
  if (query.overdue === false) {
    if (!status) where.push(Prisma.sql`NOT (${col('status')} IN (${OPEN}) AND ${col('deadlineAt')} < ${sqlTime(now)})`);
    else if (isOpen(status)) where.push(Prisma.sql`${col('deadlineAt')} >= ${sqlTime(now)}`);
  }
  return where;
}

/** The statuses a list can contain, one index range each. */
function armStatuses(query: TaskQuery): TaskStatus[] {
  const wanted = [...new Set(query.status?.length ? query.status : TASK_STATUSES)];
  return query.overdue === true ? wanted.filter(isOpen) : wanted;
}

/** Conditions only the task itself can answer. */
function taskFilters(dialect: Dialect, query: TaskQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (query.unitId)
    where.push(
      Prisma.sql`(t."leadUnitId" = ${query.unitId} OR EXISTS (SELECT 1 FROM "SupervisionTaskUnit" x WHERE x."taskId" = t.id AND x."unitId" = ${query.unitId}))`,
    );
  if (query.basisType) where.push(Prisma.sql`t."basisType" = ${query.basisType}`);
  if (query.priority) where.push(Prisma.sql`t.priority = ${query.priority}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const serial = /^\d{1,6}$/.test(query.q) ? Number(query.q) : -1;
    // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE does the same.
    const like_ = Prisma.raw(dialect === 'postgres' ? 'ILIKE' : 'LIKE');
    where.push(
      Prisma.sql`(t.title ${like_} ${like} ESCAPE '\\' OR t.requirement ${like_} ${like} ESCAPE '\\' OR t.serial = ${serial})`,
    );
  }
  return where;
}

/** The list order; the task, co-unit and desk indexes end in (…, status, deadlineAt, classification, id). */
const ORDER = Prisma.raw('"deadlineAt", classification, id');

/**
 * The (id, deadlineAt, classification) rows a list draws from: a UNION of index range scans — tasks led by the
 * units, co-unit rows, tasks of the person — each with every filter it can answer itself; the supervisors' desk
 * reads the task index directly. Where an index yields rows in list order (one unit, or the desk), each status is
 * its own arm: SQLite then merges the arms in order and stops at the page instead of sorting every match. The
 * desk's arms cannot share a task (one status each), so they need no de-duplication (UNION ALL), which counting
 * a union would otherwise pay for with a sort.
 */
function candidates(
  dialect: Dialect,
  subject: Subject,
  oversight: Oversight,
  query: TaskQuery,
  now: Date,
  everyUnit: boolean,
): Prisma.Sql {
  const me = subject.id;
  const visibility = taskVisibility(subject, oversight);
  const extra = taskFilters(dialect, query);
  const statuses = armStatuses(query);
  const taskColumns = Prisma.sql`t.id AS id, t."deadlineAt" AS "deadlineAt", t.classification AS classification`;
  const arm = (from: Prisma.Sql, conditions: Prisma.Sql[]) =>
    Prisma.sql`SELECT ${from} WHERE ${Prisma.join(conditions, ' AND ')}`;
  const onTask = (condition: Prisma.Sql, split = false) =>
    split
      ? statuses.map((s) =>
          arm(Prisma.sql`${taskColumns} FROM "SupervisionTask" t`, [
            condition,
            ...indexedFilters('t', visibility, query, now, s),
            ...extra,
          ]),
        )
      : [
          arm(Prisma.sql`${taskColumns} FROM "SupervisionTask" t`, [
            condition,
            ...indexedFilters('t', visibility, query, now),
            ...extra,
          ]),
        ];
  const viaCoUnits = (unitIds: readonly string[], split: boolean) => {
    const unit = Prisma.sql`cu."unitId" IN (${Prisma.join([...unitIds])})`;
    const one = (status?: TaskStatus) =>
      extra.length === 0
        ? arm(
            Prisma.sql`cu."taskId" AS id, cu."deadlineAt" AS "deadlineAt", cu.classification AS classification FROM "SupervisionTaskUnit" cu`,
            [unit, ...indexedFilters('cu', visibility, query, now, status)],
          )
        : arm(Prisma.sql`${taskColumns} FROM "SupervisionTaskUnit" cu JOIN "SupervisionTask" t ON t.id = cu."taskId"`, [
            unit,
            ...indexedFilters('t', visibility, query, now, status),
            ...extra,
          ]);
    return split ? statuses.map(one) : [one()];
  };
  const byUnits = (unitIds: readonly string[]) =>
    unitIds.length === 0
      ? []
      : [
          ...onTask(Prisma.sql`t."leadUnitId" IN (${Prisma.join([...unitIds])})`, unitIds.length === 1),
          ...viaCoUnits(unitIds, unitIds.length === 1),
        ];
  const coOwned = arm(
    Prisma.sql`${taskColumns} FROM "SupervisionCoOwner" co JOIN "SupervisionTask" t ON t.id = co."taskId"`,
    [Prisma.sql`co."userId" = ${me}`, ...indexedFilters('t', visibility, query, now), ...extra],
  );
  const mine = [...onTask(Prisma.sql`t."ownerId" = ${me}`), coOwned, ...onTask(Prisma.sql`t."supervisorId" = ${me}`)];
  const personal = [
    ...mine,
    ...onTask(Prisma.sql`t."createdById" = ${me}`),
    ...onTask(Prisma.sql`t."instructedById" = ${me}`),
  ];
  let parts: Prisma.Sql[];
  let disjoint = false;
  if (query.scope === 'mine') parts = mine;
  else if (query.scope === 'unit') parts = byUnits([subject.unitId]);
  // A leader at the top of the tree oversees every unit: that is every task, read like the supervisors' desk.
  else if (visibility.all || everyUnit) [parts, disjoint] = [onTask(Prisma.sql`1 = 1`, true), true];
  else parts = [...byUnits(visibility.unitIds), ...personal];
  // No status left to look in (say, completed and overdue): an arm that finds nothing.
  if (parts.length === 0)
    parts = [Prisma.sql`SELECT NULL AS id, NULL AS "deadlineAt", NULL AS classification WHERE 1 = 0`];
  return Prisma.join(parts, disjoint ? ' UNION ALL ' : ' UNION ');
}

const UNIT_COUNT = Prisma.sql`SELECT COUNT(*) AS n FROM "Unit"`;

/** The page of tasks, soonest deadline first, and how many match in all. */
export async function listTasks(
  db: Db,
  subject: Subject,
  oversight: Oversight,
  query: TaskQuery,
  now: Date,
): Promise<{ rows: TaskRow[]; total: number }> {
  if (taskVisibility(subject, oversight).none) return { rows: [], total: 0 };
  const dialect = dialectOf(db);
  const everyUnit = oversight.size > 1 && oversight.size >= Number((await sqlRows(db, UNIT_COUNT))[0]?.[0] ?? 0);
  const pool = candidates(dialect, subject, oversight, query, now, everyUnit);
  const offset = (query.page - 1) * query.pageSize;
  // Two statements: the page with everything shown, and the count. (Folding the count into the page statement, as a
  // subquery or a COUNT(*) OVER () window, measured slower in SQLite than the extra statement costs.)
  const [rows, count] = await Promise.all([
    sqlRows(
      db,
      Prisma.sql`
      WITH page AS (${pool} ORDER BY ${ORDER} LIMIT ${query.pageSize} OFFSET ${offset})
      SELECT ${summaryColumns(dialect)}
      FROM page p JOIN "SupervisionTask" t ON t.id = p.id ${SUMMARY_JOINS}
      ORDER BY p."deadlineAt", p.classification, p.id`,
    ),
    sqlRows(db, Prisma.sql`SELECT COUNT(*) AS n FROM (${pool}) AS c`),
  ]);
  return { rows: rows.map(taskRowOf), total: Number(count[0]?.[0] ?? 0) };
}
