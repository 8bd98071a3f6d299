// The 待办 centre: everything that waits for a person, from every source, in one order — overdue first, then by due
// date (items without one after), then the longest waiting — paged, with counts per kind read from the same rows.
// Live refresh: when an item may have appeared or gone for someone, the server emits the socket.io event
// `todo:changed` (payload {}, nothing in it) to that user (NotificationHub.nudgeTodo; every notice published nudges its
// recipients too); the client then asks GET /api/todo/counts (and its lists) again, through the policies.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import { dialectOf, type Db, type Dialect } from '../../db/client.ts';
import { sqlRows } from '../../db/sqlRows.ts';
import { timeOf } from '../../db/sqlTime.ts';
import { TODO_KINDS, type TodoKind, type TodoUrgency } from '../../../common/todo/vocabulary.ts';
import { todoVisibility } from '../../policies/todo.ts';
import { distributionTodo } from './distributionTodo.ts';
import { meetingTodo } from './meetingTodo.ts';
import { minutesTodo } from './minutesTodo.ts';
import { officialDocTodo } from './officialDocTodo.ts';
import { supervisionTodo } from './supervisionTodo.ts';
import type { TodoArm, TodoContext, TodoSource } from './todoSource.ts';

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

/** Every wanted source's arms (each of one kind), or null when nothing can wait for this person. */
async function armsFor(
  db: Db,
  subject: Subject,
  filter: TodoFilter,
  now: Date,
  countOnly = false,
): Promise<TodoArm[] | null> {
  const visibility = todoVisibility(subject);
  if (visibility.none) return null;
  const wanted = new Set(filter.kinds?.length ? filter.kinds : TODO_KINDS);
  const ctx: TodoContext = { db, dialect: dialectOf(db), subject, visibility, now, countOnly };
  const arms = (
    await Promise.all(TODO_SOURCES.filter((s) => s.kinds.some((k) => wanted.has(k))).map((s) => s.arms(ctx, wanted)))
  ).flat();
  return arms.length === 0 ? null : arms;
}

/**
 * The counts of the arms, one row per arm: COUNT(*) over an arm of one kind, which SQLite answers from the arm's
 * index without computing its columns (a union grouped by kind would build every row first).
 */
const armCounts = (dialect: Dialect, arms: readonly TodoArm[], from = (a: TodoArm) => Prisma.sql`(${a.sql})`) =>
  Prisma.join(
    arms.map((a) => Prisma.sql`SELECT ${a.kind} AS kind, (SELECT COUNT(*) FROM ${from(a)}${alias(dialect, 'a')}) AS n`),
    ' UNION ALL ',
  );

/**
 * The alias of a subquery in FROM: PostgreSQL (15) requires one, SQLite's tuned text has none where it had none.
 */
const alias = (dialect: Dialect, name: string) => Prisma.raw(dialect === 'postgres' ? ` AS ${name}` : '');

/**
 * The statement as it is sent: on SQLite with every bound value written `+?` (a no-op on the value); on PostgreSQL as
 * built (its `$n` cannot take the `+`, and it plans a statement once per execution anyway).
 */
function forDialect(dialect: Dialect, sql: Prisma.Sql): Prisma.Sql {
  return dialect === 'sqlite' ? unsampled(sql) : sql;
}

/**
 * The statement with every bound value written `+?` (a no-op on the value). SQLite re-plans a statement whenever a
 * value it planned by is bound again — with ANALYZE's samples (sqlite_stat4) that is any value compared with an
 * indexed column — and past the 31st parameter all share one flag, so each request would re-prepare this statement
 * of some 200 values and thirty subqueries (~8 ms, most of a request). A value behind `+` is still used through the
 * index, it is only not looked up in the samples. LIMIT and OFFSET are written into the text (see listTodo).
 */
function unsampled(sql: Prisma.Sql): Prisma.Sql {
  return new Prisma.Sql(
    sql.strings.map((part, i) => (i < sql.strings.length - 1 ? `${part}+` : part)),
    sql.values,
  );
}

function countsOf(rows: ReadonlyArray<{ kind: string; n: number | bigint }>): TodoCounts {
  const counts = { total: 0 } as TodoCounts;
  for (const kind of TODO_KINDS) counts[kind] = 0;
  for (const row of rows) {
    // Several arms may give one kind.
    counts[row.kind as TodoKind] += Number(row.n);
    counts.total += Number(row.n);
  }
  return counts;
}

/** How many items of each kind wait for the person (the navigation's badge reads the total). */
export async function countTodo(db: Db, subject: Subject, filter: TodoFilter, now: Date): Promise<TodoCounts> {
  const arms = await armsFor(db, subject, filter, now, true);
  if (!arms) return countsOf([]);
  const dialect = dialectOf(db);
  const statement = forDialect(dialect, armCounts(dialect, arms));
  return countsOf((await sqlRows(db, statement)).map(([kind, n]) => ({ kind: kind as string, n: n as number })));
}

/**
 * A row of the list statement, as queryRows gives it: part 0 a row of the page (TodoRow's columns, n null), part 1 an
 * arm's count (kind and n only).
 */
type ListRow = [
  part: number,
  kind: TodoKind,
  id: string | null,
  ref: string | null,
  title: string | null,
  dueAt: string | null,
  since: string | null,
  urgency: string | null,
  classification: number | null,
  n: number | null,
];

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
 * A page of what waits for the person, and the counts of everything the filter lets through, in one statement: each
 * arm gives only its first rows up to the end of the page in the list's order (the page cannot hold others), those
 * are merged and cut to the page, and each arm is counted beside them.
 */
export async function listTodo(
  db: Db,
  subject: Subject,
  filter: TodoFilter,
  page: { page: number; pageSize: number },
  now: Date,
): Promise<{ items: TodoItem[]; counts: TodoCounts }> {
  const arms = await armsFor(db, subject, filter, now);
  if (!arms) return { items: [], counts: countsOf([]) };
  const dialect = dialectOf(db);
  const as = (name: string) => alias(dialect, name);
  // Kinds and ids in byte order on both databases (SQLite's BINARY; PostgreSQL's database collation may differ).
  const [kindKey, idKey] =
    dialect === 'postgres'
      ? [Prisma.raw('kind COLLATE "C"'), Prisma.raw('id COLLATE "C"')]
      : [Prisma.raw('kind'), Prisma.raw('id')];
  // Overdue first is the due date's own order (whatever is overdue is due before the rest), so the key needs no
  // overdue flag of its own; the undated come last.
  const order = Prisma.sql`ORDER BY dueAt IS NULL, dueAt, since, ${kindKey}, ${idKey}`;
  const offset = (page.page - 1) * page.pageSize;
  const end = offset + page.pageSize;
  // LIMIT and OFFSET are written into the statement, not bound: SQLite re-plans a statement whenever a LIMIT's bound
  // value is bound again (it may plan by it), and binds past the 31st share one flag, so a bound LIMIT here would make
  // every request re-prepare the whole statement (~3 ms). A few pages, a few cached statements.
  if (![offset, end, page.pageSize].every(Number.isSafeInteger)) throw new Error('page and pageSize are integers');
  const [limitEnd, limitPage, skip] = [end, page.pageSize, offset].map((n) => Prisma.raw(String(n)));
  // The list's order is the due date with the undated last, then
  // since, kind and id; within an arm (one kind) that is (dueAt, since, id) for its dated rows and (since, id) for the
  // others — orders an arm's index can give, so SQLite stops after `end` rows instead of sorting all of them.
  // An arm whose rows all have a due date, or none, gives only that part (the other would be read to find nothing).
  // Each arm's text once, named (a0, a1…), read by its head parts and its count: NOT MATERIALIZED keeps each reference
  // the subquery it names (planned as if written in place), and the statement's text and bound values are a third of
  // what they were (less to hash in the statement cache and to bind on every request).
  const names = new Map(arms.map((a, i) => [a, Prisma.raw(`a${i}`)] as const));
  const armName = (a: TodoArm) => names.get(a)!;
  const named = Prisma.join(
    arms.map((a) => Prisma.sql`${armName(a)} AS NOT MATERIALIZED (${a.sql})`),
    ', ',
  );
  const heads = Prisma.join(
    arms.flatMap((a) => [
      ...(a.dated === 'none'
        ? []
        : [
            Prisma.sql`SELECT * FROM (SELECT * FROM ${armName(a)}${as('a')} WHERE dueAt IS NOT NULL ORDER BY dueAt, since, ${idKey} LIMIT ${limitEnd})${as('d')}`,
          ]),
      ...(a.dated === 'all'
        ? []
        : [
            Prisma.sql`SELECT * FROM (SELECT * FROM ${armName(a)}${as('a')} WHERE dueAt IS NULL ORDER BY since, ${idKey} LIMIT ${limitEnd})${as('u')}`,
          ]),
    ]),
    ' UNION ALL ',
  );
  // (PostgreSQL types the NULL count of the page's rows as text in the subquery: it is typed as the counts are.)
  const noCount = Prisma.raw(dialect === 'postgres' ? 'CAST(NULL AS bigint)' : 'NULL');
  // part 0: the page's rows, in order; part 1: one row per arm with its count in n.
  const statement = forDialect(
    dialect,
    Prisma.sql`
    WITH ${named}
    SELECT * FROM (
      SELECT 0 AS part, p.kind, p.id, p.ref, ${PAGE_TITLE} AS title, p.dueAt, p.since, p.urgency, p.classification,
        ${noCount} AS n
      FROM (SELECT * FROM (${heads})${as('h')} ${order} LIMIT ${limitPage} OFFSET ${skip}) p
      ${order})${as('page')}
    UNION ALL
    SELECT 1, kind, NULL, NULL, NULL, NULL, NULL, NULL, NULL, n FROM (${armCounts(dialect, arms, armName)})${as('counts')}`,
  );
  // Read on Prisma's connection without its query machinery on SQLite (see readRows), through the pool on PostgreSQL:
  // this is the centre's whole cost.
  const rows = (await sqlRows(db, statement)) as ListRow[];
  const items: TodoItem[] = [];
  const armCountRows: Array<{ kind: string; n: number }> = [];
  for (const [part, kind, id, ref, title, due, since, urgency, classification, n] of rows) {
    if (part === 1) {
      armCountRows.push({ kind, n: n ?? 0 });
      continue;
    }
    const dueAt = due === null ? null : timeOf(due);
    items.push({
      kind,
      id: id!,
      title: title!,
      dueAt,
      overdue: dueAt !== null && dueAt.getTime() < now.getTime(),
      since: timeOf(since!),
      urgency: urgency as TodoUrgency,
      classification: Number(classification),
      link: sourceOf.get(kind)!.link(kind, ref!),
    });
  }
  return { counts: countsOf(armCountRows), items };
}
