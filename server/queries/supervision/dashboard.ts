// The leader's one-screen view: per unit, how many tasks are overdue and how many are at risk (due within the
// reminder window and not yet submitted), with the worst of each. Read from the (status, deadlineAt) index.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import { dialectOf, type Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sqlRows.ts';
import { chinaToday, endOfChinaDay } from '../../domain/supervision/deadlines.ts';
import { reminderHorizon } from '../../domain/supervision/reminderPlan.ts';
import { OPEN_STATUSES } from '../../domain/supervision/vocabulary.ts';
import { taskVisibility, type Oversight } from '../../policies/supervision.ts';
import { SUMMARY_JOINS, summaryColumns, taskRowOf } from './taskList.ts';
import { presentTaskSummary, type TaskSummary } from '../../presenters/supervisionTask.ts';
import { sqlTime } from '../../db/sqlTime.ts';

const LIST_LIMIT = 50;

export async function leaderDashboard(
  db: Db,
  subject: Subject,
  oversight: Oversight,
  now: Date,
  reminderDays: readonly number[],
) {
  const visibility = taskVisibility(subject, oversight);
  const horizon = endOfChinaDay(reminderHorizon(chinaToday(now), reminderDays));
  const scope = visibility.all
    ? Prisma.sql`1 = 1`
    : visibility.unitIds.length === 0
      ? Prisma.sql`1 = 0`
      : Prisma.sql`t."leadUnitId" IN (${Prisma.join(visibility.unitIds)})`;
  const open = Prisma.join([...OPEN_STATUSES]);
  const base = Prisma.sql`t.status IN (${open}) AND t."deadlineAt" <= ${sqlTime(horizon)} AND t.classification <= ${visibility.clearance} AND ${scope}`;
  const dialect = dialectOf(db);
  const select = Prisma.sql`SELECT ${summaryColumns(dialect)} FROM "SupervisionTask" t ${SUMMARY_JOINS}`;
  const nowText = sqlTime(now);
  // PostgreSQL neither sums comparisons nor lets the unit's name and order stand beside a GROUP BY of t's column.
  const perUnitSql =
    dialect === 'postgres'
      ? Prisma.sql`
      SELECT u.id AS "unitId", u.name AS "unitName", COUNT(*) FILTER (WHERE t."deadlineAt" < ${nowText}) AS overdue,
        COUNT(*) FILTER (WHERE t."deadlineAt" >= ${nowText}) AS "atRisk"
      FROM "SupervisionTask" t JOIN "Unit" u ON u.id = t."leadUnitId" WHERE ${base} GROUP BY u.id ORDER BY overdue DESC, "atRisk" DESC, u."sortOrder"`
      : Prisma.sql`
      SELECT t."leadUnitId" AS unitId, u.name AS unitName, SUM(t."deadlineAt" < ${nowText}) AS overdue, SUM(t."deadlineAt" >= ${nowText}) AS atRisk
      FROM "SupervisionTask" t JOIN "Unit" u ON u.id = t."leadUnitId" WHERE ${base} GROUP BY t."leadUnitId" ORDER BY overdue DESC, atRisk DESC, u."sortOrder"`;
  const [perUnit, overdueRows, atRiskRows] = await Promise.all([
    sqlRows(db, perUnitSql),
    sqlRows(
      db,
      Prisma.sql`${select} WHERE ${base} AND t."deadlineAt" < ${nowText} ORDER BY t."deadlineAt", t.id LIMIT ${LIST_LIMIT}`,
    ),
    sqlRows(
      db,
      Prisma.sql`${select} WHERE ${base} AND t."deadlineAt" >= ${nowText} ORDER BY t."deadlineAt", t.id LIMIT ${LIST_LIMIT}`,
    ),
  ]);
  const present = (rows: unknown[][]): TaskSummary[] => rows.map((r) => presentTaskSummary(taskRowOf(r), now));
  return {
    units: perUnit.map(([unitId, unitName, overdue, atRisk]) => ({
      unitId: unitId as string,
      unitName: unitName as string,
      overdue: Number(overdue),
      atRisk: Number(atRisk),
    })),
    overdue: present(overdueRows),
    atRisk: present(atRiskRows),
  };
}
