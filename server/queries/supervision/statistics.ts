// Statistics per lead unit for assessment (考核): completion rate, on-time rate, overdue count, average days late and
// the trend by month. A task counts in the month it was assigned. Finished work is read from counters kept in the
// same transaction as the tasks (SupervisionUnitMonth: a few rows per unit and month, never a scan of the tasks);
// only what depends on "now" — open tasks past their deadline — is counted live, from the covering index
// (leadUnitId, status, deadlineDay, month), named so the planner cannot wander off to a skip-scan with a row lookup
// per task. Walking it unit by unit (the IN list is read in unit order) hands the rows to GROUP BY already grouped,
// so there is no sort, and deadlines are integers (China day numbers), so nothing is parsed: a task due on day D is
// late by (today − D) days, and a unit's days late are n·today − ΣD. The same SQL on PostgreSQL, without the index
// hint (and its own spelling of a count of matching rows in the repair tool).
import { Prisma } from '../../../prisma/generated/client.ts';
import { dialectOf, type Db, type Tx } from '../../db/client.ts';
import { sqlRows } from '../../db/sqlRows.ts';
import { OPEN_STATUSES } from '../../domain/supervision/vocabulary.ts';
import { chinaDayNumber, chinaMonth, lastEndedDeadlineDay } from '../../domain/supervision/deadlines.ts';

export interface Period {
  /** YYYY-MM, inclusive */
  from: string;
  to: string;
}

export interface UnitStatistics {
  unitId: string;
  unitName: string;
  total: number;
  completed: number;
  completedOnTime: number;
  open: number;
  overdue: number;
  /** completed / total, null without tasks */
  completionRate: number | null;
  /** completed on time / completed, null before anything is completed */
  onTimeRate: number | null;
  /** mean days late over tasks completed late and tasks overdue now, 0 when none is late */
  averageDaysLate: number;
}

export interface MonthPoint {
  month: string;
  created: number;
  completed: number;
  completedOnTime: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

const num = (v: unknown) => Number(v ?? 0);
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** The last twelve months up to now, when no period is given. */
export function defaultPeriod(now: Date): Period {
  const to = chinaMonth(now);
  const [y, m] = to.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 11;
  return { from: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, to };
}

function unitFilter(column: Prisma.Sql, unitIds: readonly string[] | null): Prisma.Sql {
  return unitIds === null
    ? Prisma.sql`1 = 1`
    : unitIds.length === 0
      ? Prisma.sql`1 = 0`
      : Prisma.sql`${column} IN (${Prisma.join([...unitIds])})`;
}

/** One row per unit that has tasks in the period (or is asked for), ordered by the units' own order. One query. */
export async function unitStatistics(
  db: Db,
  unitIds: readonly string[] | null,
  period: Period,
  now: Date,
): Promise<{ units: UnitStatistics[]; totals: UnitStatistics }> {
  const indexedBy =
    dialectOf(db) === 'postgres'
      ? Prisma.empty
      : Prisma.raw('INDEXED BY SupervisionTask_leadUnitId_status_deadlineDay_month_idx');
  const rows = await sqlRows(
    db,
    Prisma.sql`
    SELECT u.id AS "unitId", u.name AS "unitName", c.created, c.completed, c."onTime", c."lateDays", o.n AS overdue, o.days AS "overdueDays"
    FROM "Unit" u
    LEFT JOIN (
      SELECT "unitId", SUM(created) AS created, SUM(completed) AS completed, SUM("completedOnTime") AS "onTime", SUM("lateDaysTotal") AS "lateDays"
      FROM "SupervisionUnitMonth" WHERE month BETWEEN ${period.from} AND ${period.to} AND ${unitFilter(Prisma.sql`"unitId"`, unitIds)}
      GROUP BY "unitId"
    ) c ON c."unitId" = u.id
    LEFT JOIN (
      SELECT "leadUnitId" AS "unitId", COUNT(*) AS n, COUNT(*) * ${chinaDayNumber(now)} - SUM("deadlineDay") AS days
      FROM "SupervisionTask" ${indexedBy}
      WHERE "leadUnitId" IN (${unitIds === null ? Prisma.sql`SELECT id FROM "Unit"` : unitIds.length === 0 ? Prisma.sql`NULL` : Prisma.join([...unitIds])})
        AND status IN (${Prisma.join([...OPEN_STATUSES])}) AND "deadlineDay" <= ${lastEndedDeadlineDay(now)} AND month BETWEEN ${period.from} AND ${period.to}
      GROUP BY "leadUnitId"
    ) o ON o."unitId" = u.id
    WHERE ${unitFilter(Prisma.sql`u.id`, unitIds)} AND (${unitIds === null ? 0 : 1} = 1 OR c."unitId" IS NOT NULL OR o."unitId" IS NOT NULL)
    ORDER BY u."sortOrder", u.name`,
  );
  const build = (
    unitId: string,
    unitName: string,
    c: { created: number; completed: number; onTime: number; lateDays: number },
    o: { n: number; days: number },
  ): UnitStatistics => {
    const lateCount = c.completed - c.onTime + o.n;
    return {
      unitId,
      unitName,
      total: c.created,
      completed: c.completed,
      completedOnTime: c.onTime,
      open: c.created - c.completed,
      overdue: o.n,
      completionRate: rate(c.completed, c.created),
      onTimeRate: rate(c.onTime, c.completed),
      averageDaysLate: lateCount > 0 ? Math.round(((c.lateDays + o.days) / lateCount) * 10) / 10 : 0,
    };
  };
  const units: UnitStatistics[] = [];
  const sum = { created: 0, completed: 0, onTime: 0, lateDays: 0 };
  const sumLate = { n: 0, days: 0 };
  for (const [unitId, unitName, created, completed, onTime, lateDays, overdue, overdueDays] of rows) {
    const counts = { created: num(created), completed: num(completed), onTime: num(onTime), lateDays: num(lateDays) };
    const late = { n: num(overdue), days: num(overdueDays) };
    units.push(build(unitId as string, unitName as string, counts, late));
    sum.created += counts.created;
    sum.completed += counts.completed;
    sum.onTime += counts.onTime;
    sum.lateDays += counts.lateDays;
    sumLate.n += late.n;
    sumLate.days += late.days;
  }
  return { units, totals: build('', '', sum, sumLate) };
}

/** Completion and on-time rate of the tasks assigned in each month of the period (one unit, or all in scope). */
export async function monthlyTrend(db: Db, unitIds: readonly string[] | null, period: Period): Promise<MonthPoint[]> {
  const rows = await sqlRows(
    db,
    Prisma.sql`
    SELECT month, SUM(created) AS created, SUM(completed) AS completed, SUM("completedOnTime") AS "onTime"
    FROM "SupervisionUnitMonth" WHERE month BETWEEN ${period.from} AND ${period.to} AND ${unitFilter(Prisma.sql`"unitId"`, unitIds)}
    GROUP BY month ORDER BY month`,
  );
  const byMonth = new Map(rows.map((r) => [r[0] as string, r]));
  const points: MonthPoint[] = [];
  for (let m = period.from; m <= period.to; m = nextMonth(m)) {
    const r = byMonth.get(m);
    const created = num(r?.[1]);
    const completed = num(r?.[2]);
    const onTime = num(r?.[3]);
    points.push({
      month: m,
      created,
      completed,
      completedOnTime: onTime,
      completionRate: rate(completed, created),
      onTimeRate: rate(onTime, completed),
    });
  }
  return points;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Recomputes every counter from the tasks (repair tool, and the benchmark's bulk load). */
export async function rebuildUnitMonthCounters(tx: Tx | Db): Promise<void> {
  const count = (condition: string) =>
    dialectOf(tx) === 'postgres' ? `COUNT(*) FILTER (WHERE ${condition})` : `SUM(${condition})`;
  await tx.$executeRawUnsafe('DELETE FROM "SupervisionUnitMonth"');
  await tx.$executeRawUnsafe(`
    INSERT INTO "SupervisionUnitMonth" ("unitId", month, created, completed, "completedOnTime", "lateDaysTotal")
    SELECT "leadUnitId", month, COUNT(*), ${count(`status = 'completed'`)}, ${count(`status = 'completed' AND "lateDays" = 0`)}, SUM(CASE WHEN status = 'completed' THEN "lateDays" ELSE 0 END)
    FROM "SupervisionTask" GROUP BY "leadUnitId", month`);
}
