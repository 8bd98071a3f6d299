// The shape every source of the 待办 centre gives: SQL arms of one column layout and one kind each, which the centre
// orders and cuts to the page arm by arm, merges, and counts arm by arm — so the list and its counts are read from the
// same rows, and a new source (distribution, 收文) drops in as one more module without touching the others.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db, Dialect } from '../../db/client.ts';
import type { TodoKind } from '../../../common/todo/vocabulary.ts';
import type { TodoVisibility } from '../../policies/todo.ts';

export interface TodoContext {
  db: Db;
  /** The database the arms are written for (dialectOf(db)). */
  dialect: Dialect;
  subject: Subject;
  visibility: TodoVisibility;
  now: Date;
  /** Only the kinds will be read (the counts): a source may give NULL for the other columns and skip their work. */
  countOnly?: boolean;
}

/**
 * One source of work. `arms` returns SELECTs (none when nothing of the wanted kinds can wait for this person) whose
 * columns are TODO_COLUMNS, each already filtered by the policies' visibility: kind, id (the item, unique within its
 * kind), ref (what the link opens), title, dueAt and since (stored-time text, see sqlTime; dueAt NULL when there is no
 * deadline), urgency (normal, urgent, critical) and classification. One text serves both databases: Prisma's tables and
 * columns double-quoted (PostgreSQL's are case-sensitive; SQLite reads them as the same identifiers), the arm's own
 * column names bare; what differs is asked of ctx.dialect (booleans, see falseOf).
 */
export interface TodoSource {
  readonly kinds: readonly TodoKind[];
  arms(ctx: TodoContext, wanted: ReadonlySet<TodoKind>): Promise<TodoArm[]>;
  /** The page an item of this source opens (a client route). */
  link(kind: TodoKind, ref: string): string;
  /**
   * For a source whose arms give a NULL title (reading it would visit a wide row for each of thousands of items): the
   * title of one item from its ref (`ref` is the column's SQL), asked only for the rows of the page shown.
   */
  titleOf?(ref: Prisma.Sql): Prisma.Sql;
}

/** The columns of an arm, in order, as the centre reads them. */
export interface TodoRow {
  kind: TodoKind;
  id: string;
  ref: string;
  title: string;
  dueAt: string | null;
  since: string;
  urgency: string;
  classification: number | bigint;
}

/**
 * One arm: a SELECT of the arm layout whose rows are all of one kind (so the centre counts an arm with COUNT(*), which
 * SQLite answers from the arm's index without computing its columns).
 */
export interface TodoArm {
  kind: TodoKind;
  sql: Prisma.Sql;
  /**
   * Which of its rows have a due date: all (a NOT NULL column), none (NO_DUE) or some. The centre reads an arm's dated
   * and undated rows apart, and skips the part that cannot have any.
   */
  dated: 'all' | 'none' | 'some';
}

/** A SELECT of the arm layout: the expressions for each column, then the FROM … WHERE that feeds them. */
export function todoArm(
  dialect: Dialect,
  columns: {
    kind: TodoKind;
    id: Prisma.Sql;
    ref: Prisma.Sql;
    title: Prisma.Sql;
    dueAt: Prisma.Sql;
    /** Set when dueAt is never NULL (a NOT NULL column): the arm has no undated rows. */
    dueNeverNull?: true;
    since: Prisma.Sql;
  },
  urgency: Prisma.Sql,
  classification: Prisma.Sql,
  from: Prisma.Sql,
): TodoArm {
  // PostgreSQL types a bare NULL in a subquery as text, which a union cannot match with another arm's timestamp: the
  // title and due date are typed there (no-ops on the columns themselves). SQLite's text is left as it was tuned.
  const [title, dueAt] =
    dialect === 'postgres'
      ? [Prisma.sql`CAST(${columns.title} AS text)`, Prisma.sql`CAST(${columns.dueAt} AS timestamp(3))`]
      : [columns.title, columns.dueAt];
  return {
    kind: columns.kind,
    dated: columns.dueAt === NO_DUE ? 'none' : columns.dueNeverNull ? 'all' : 'some',
    sql: Prisma.sql`SELECT ${columns.kind} AS kind, ${columns.id} AS id, ${columns.ref} AS ref, ${title} AS title,
    ${dueAt} AS dueAt, ${columns.since} AS since, ${urgency} AS urgency, ${classification} AS classification ${from}`,
  };
}

/** `false` as a Boolean column holds it: 0 in SQLite (the indexes are read by `= 0`), false in PostgreSQL. */
export const falseOf = (dialect: Dialect): Prisma.Sql => Prisma.raw(dialect === 'postgres' ? 'false' : '0');

export const NO_DUE = Prisma.sql`NULL`;
/** The title of a source with titleOf: read for the page only. */
export const DEFERRED_TITLE = Prisma.sql`NULL`;

/** The title of a 公文 (its document's), for sources that defer it. */
export const officialDocTitle = (ref: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`(SELECT d.title FROM "OfficialDocument" od JOIN "Document" d ON d.id = od."documentId" WHERE od.id = ${ref})`;
