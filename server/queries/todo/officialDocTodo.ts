// 公文 waiting for a person: the current step of a 发文 or 收文 whose handlers include them or someone they stand in for
// now (代理), split into steps to handle and 收文 to read (传阅/阅知). Everything is read from the handler rows' index:
// the step's kind is copied on each row, and so are the document's classification, deletion, the 公文's urgency and
// the instant the step's 办理时限 ends (dueAt, counted in working days from the row's arrival when it is written);
// titles only for the page shown.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { TodoKind } from '../../../common/todo/vocabulary.ts';
import { queryRows } from '../../db/client.ts';
import { sqlTime } from '../../db/sqlTime.ts';
import { DEFERRED_TITLE, falseOf, officialDocTitle, todoArm, type TodoContext, type TodoSource } from './todoSource.ts';

/** The step opinion of a 传阅 (circulation): the people named read it and say so, nothing more. */
const READ_OPINION = 'circulate';
/**
 * Whom a person stands in for at an instant (bound: the deputy, the instant twice). On SQLite each value is written
 * `+?` (a no-op on it; see todoCentre's unsampled): a value compared with an indexed column makes SQLite re-plan the
 * statement by its samples whenever it is bound again, that is on every request (~10 of its ~18 µs).
 */
const PRINCIPALS = {
  sqlite: `SELECT DISTINCT principalId FROM Delegation
      WHERE deputyId = +? AND revokedAt IS NULL AND startsAt <= +? AND endsAt > +?`,
  postgres: `SELECT DISTINCT "principalId" FROM "Delegation"
      WHERE "deputyId" = $1 AND "revokedAt" IS NULL AND "startsAt" <= $2 AND "endsAt" > $3`,
};
const URGENCY = Prisma.sql`CASE w.urgency WHEN 'extra_urgent' THEN 'critical' WHEN 'urgent' THEN 'urgent' ELSE 'normal' END`;

export const officialDocTodo: TodoSource = {
  kinds: ['doc_handle', 'doc_read'],

  async arms(ctx: TodoContext, wanted: ReadonlySet<TodoKind>) {
    const v = ctx.visibility;
    const kinds = (['doc_handle', 'doc_read'] as const).filter((k) => wanted.has(k));
    if (kinds.length === 0) return [];
    // Whom I stand in for now (as principalsOf, in plain SQL: it is asked on every request of the list and badge).
    const now = sqlTime(ctx.now);
    const principals = (await queryRows(ctx.db, PRINCIPALS, [v.userId, now, now])).map(
      ([principalId]) => principalId as string,
    );
    const people = [v.userId, ...principals.filter((id) => id !== v.userId)];
    const waiting =
      people.length === 1 ? Prisma.sql`h."userId" = ${v.userId}` : Prisma.sql`h."userId" IN (${Prisma.join(people)})`;
    // One arm per kind, each keeping its rows on the index (every row of a 公文 is on its current step, so its rows
    // agree on the kind).
    return kinds.map((kind) => {
      const ofKind =
        kind === 'doc_read' ? Prisma.sql`h.opinion = ${READ_OPINION}` : Prisma.sql`h.opinion <> ${READ_OPINION}`;
      // The document's deletion and classification are read from the copies on the handler row, in its index.
      const mine = Prisma.sql`FROM "OfficialDocumentHandler" h
        WHERE ${waiting} AND h."documentDeleted" = ${falseOf(ctx.dialect)} AND h.classification <= ${v.clearance} AND ${ofKind}`;
      // One row per 公文 even when it waits for me and for someone I stand in for: the earliest arrival speaks for it.
      // Alone, my rows are one per 公文 already.
      const rows =
        people.length === 1
          ? Prisma.sql`(SELECT h."officialDocumentId" AS docId, h.since AS since, h."dueAt" AS dueAt, h.urgency AS urgency,
              h.classification AS classification ${mine})`
          : Prisma.sql`(SELECT h."officialDocumentId" AS docId, MIN(h.since) AS since, MIN(h."dueAt") AS dueAt,
              MAX(h.urgency) AS urgency, MAX(h.classification) AS classification ${mine}
              GROUP BY h."officialDocumentId")`;
      return todoArm(
        ctx.dialect,
        {
          kind,
          id: Prisma.sql`w.docId`,
          ref: Prisma.sql`w.docId`,
          title: DEFERRED_TITLE,
          dueAt: Prisma.sql`w.dueAt`,
          since: Prisma.sql`w.since`,
        },
        URGENCY,
        Prisma.sql`w.classification`,
        Prisma.sql`FROM ${rows} w`,
      );
    });
  },

  link: (_kind, ref) => `/official-documents/${ref}`,
  titleOf: officialDocTitle,
};
