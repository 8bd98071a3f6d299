// The 待办 centre: everything that waits for a person, from every source, in one order — overdue first, then by due
// date (items without one after), then the longest waiting — paged, with counts per kind read from the same rows.
// Live refresh: when an item may have appeared or gone for someone, the server emits the socket.io event
// `todo:changed` (payload {}, nothing in it) to that user (NotificationHub.nudgeTodo; every notice published nudges its
// recipients too); the client then asks GET /api/todo/counts (and its lists) again, through the policies.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { sqlTime, timeOf } from '../../db/sqlTime.ts';
import { TODO_KINDS, type TodoKind, type TodoUrgency } from '../../../common/todo/vocabulary.ts';
import { todoVisibility } from '../../policies/todo.ts';
import { distributionTodo } from './distributionTodo.ts';
import { meetingTodo } from './meetingTodo.ts';
import { minutesTodo } from './minutesTodo.ts';
import { officialDocTodo } from './officialDocTodo.ts';
import { supervisionTodo } from './supervisionTodo.ts';
import type { TodoContext, TodoRow, TodoSource } from './todoSource.ts';

/** Every source; a new one is added here and nowhere else. */
export const TODO_SOURCES: readonly TodoSource[] = [
  officialDocTodo,
  distributionTodo,
  meetingTodo,
  minutesTodo,
  supervisionTodo,
];

export interface TodoFilter {
  /** Empty or absent: every kind. */
  kinds?: readonly TodoKind[];
}

export interface TodoItem {
  kind: TodoKind;
  id: string;
  title: string;
  dueAt: Date | null;
  overdue: boolean;
  since: Date;
  urgency: TodoUrgency;
  classification: number;
  link: string;
}

export type TodoCounts = Record<TodoKind, number> & { total: number };

const sourceOf = new Map(TODO_SOURCES.flatMap((s) => s.kinds.map((k) => [k, s] as const)));

/** The union of every wanted source's arms, or null when nothing can wait for this person. */
async function pool(
  db: Db,
  subject: Subject,
  filter: TodoFilter,
  now: Date,
  countOnly = false,
): Promise<Prisma.Sql | null> {
  const visibility = todoVisibility(subject);
  if (visibility.none) return null;
  const wanted = new Set(filter.kinds?.length ? filter.kinds : TODO_KINDS);
  const ctx: TodoContext = { db, subject, visibility, now, countOnly };
  const arms = (
    await Promise.all(TODO_SOURCES.filter((s) => s.kinds.some((k) => wanted.has(k))).map((s) => s.arms(ctx, wanted)))
  ).flat();
  return arms.length === 0 ? null : Prisma.join(arms, ' UNION ALL ');
}

function countsOf(rows: ReadonlyArray<{ kind: string; n: number | bigint }>): TodoCounts {
  const counts = { total: 0 } as TodoCounts;
  for (const kind of TODO_KINDS) counts[kind] = 0;
  for (const row of rows) {
    counts[row.kind as TodoKind] = Number(row.n);
    counts.total += Number(row.n);
  }
  return counts;
}

/** How many items of each kind wait for the person (the navigation's badge reads the total). */
export async function countTodo(db: Db, subject: Subject, filter: TodoFilter, now: Date): Promise<TodoCounts> {
  const union = await pool(db, subject, filter, now, true);
  if (!union) return countsOf([]);
  return countsOf(
    await db.$queryRaw<Array<{ kind: string; n: number | bigint }>>`
      SELECT kind, COUNT(*) AS n FROM (${union}) GROUP BY kind`,
  );
}

/** The titles a source defers (titleOf), for the rows of a page only: one CASE over the kinds that defer theirs. */
const PAGE_TITLE = (() => {
  const deferring = TODO_SOURCES.flatMap((s) => {
    const title = s.titleOf?.(Prisma.sql`p.ref`);
    return title ? s.kinds.map((kind) => [kind, title] as const) : [];
  });
  if (deferring.length === 0) return Prisma.sql`p.title`;
  return Prisma.sql`COALESCE(p.title, CASE p.kind ${Prisma.join(
    deferring.map(([kind, title]) => Prisma.sql`WHEN ${kind} THEN ${title}`),
    ' ',
  )} END)`;
})();

/**
 * A page of what waits for the person, and the counts of everything the filter lets through — in one statement that
 * gathers the items once (a materialised CTE), cuts the page from them and counts them by kind beside it.
 */
export async function listTodo(
  db: Db,
  subject: Subject,
  filter: TodoFilter,
  page: { page: number; pageSize: number },
  now: Date,
): Promise<{ items: TodoItem[]; counts: TodoCounts }> {
  const union = await pool(db, subject, filter, now);
  if (!union) return { items: [], counts: countsOf([]) };
  const at = sqlTime(now);
  const order = Prisma.sql`ORDER BY (dueAt IS NOT NULL AND dueAt < ${at}) DESC, dueAt IS NULL, dueAt, since, kind, id`;
  // part 0: the page's rows, in order; part 1: one row per kind with its count in n.
  const rows = await db.$queryRaw<Array<TodoRow & { part: number | bigint; n: number | bigint | null }>>`
    WITH u AS MATERIALIZED (${union})
    SELECT * FROM (
      SELECT 0 AS part, p.kind, p.id, p.ref, ${PAGE_TITLE} AS title, p.dueAt, p.since, p.urgency, p.classification,
        NULL AS n
      FROM (SELECT * FROM u ${order} LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}) p
      ${order})
    UNION ALL
    SELECT 1, kind, NULL, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*) FROM u GROUP BY kind`;
  const items = rows.filter((r) => Number(r.part) === 0);
  return {
    counts: countsOf(rows.filter((r) => Number(r.part) === 1).map((r) => ({ kind: r.kind, n: r.n ?? 0 }))),
    items: items.map((r) => {
      const dueAt = r.dueAt === null ? null : timeOf(r.dueAt);
      return {
        kind: r.kind,
        id: r.id,
        title: r.title,
        dueAt,
        overdue: dueAt !== null && dueAt.getTime() < now.getTime(),
        since: timeOf(r.since),
        urgency: r.urgency as TodoUrgency,
        classification: Number(r.classification),
        link: sourceOf.get(r.kind)!.link(r.kind, r.ref),
      };
    }),
  };
}
