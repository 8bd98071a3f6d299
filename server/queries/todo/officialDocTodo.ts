// 公文 waiting for a person: the current step of a 发文 or 收文 whose handlers include them or someone they stand in for
// now (代理), split into steps to handle and 收文 to read (传阅/阅知). The 办理时限 of a step is counted in working days
// from the day it arrived, which SQL cannot count; the few distinct (arrival day, working days) pairs are resolved here
// and given as one JSON parameter. Everything else is read from the handler rows' index (the step's kind is copied on
// each row, and so are the document's classification, deletion, the 公文's urgency and the step's 办理时限); titles only
// for the page shown.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { TodoKind } from '../../../common/todo/vocabulary.ts';
import { stepDueOn } from '../../domain/officialDocs/stepDeadlines.ts';
import { endOfChinaDay } from '../../domain/supervision/deadlines.ts';
import { sqlTime } from '../../db/sqlTime.ts';
import { principalsOf } from '../officialDocs/officialDocFacts.ts';
import { DEFERRED_TITLE, officialDocTitle, todoArm, type TodoContext, type TodoSource } from './todoSource.ts';

/** The step opinion of a 传阅 (circulation): the people named read it and say so, nothing more. */
const READ_OPINION = 'circulate';
/** The China calendar day a handler row arrived on. */
const ARRIVED = Prisma.sql`date(h.since, '+8 hours')`;
/**
 * The due instant (stored-time text) of a step that arrived on a China day with so many working days: pure (the
 * holiday schedule is compiled in), asked for the same few pairs on every request, so remembered.
 */
const dueInstants = new Map<string, string>();
function dueInstant(arrived: string, days: number): string {
  const key = `${arrived} ${days}`;
  let due = dueInstants.get(key);
  if (due === undefined) {
    if (dueInstants.size >= 50_000) dueInstants.clear();
    due = sqlTime(endOfChinaDay(stepDueOn(arrived, days)));
    dueInstants.set(key, due);
  }
  return due;
}
const kindOf = (opinion: Prisma.Sql) =>
  Prisma.sql`CASE ${opinion} WHEN ${READ_OPINION} THEN 'doc_read' ELSE 'doc_handle' END`;

export const officialDocTodo: TodoSource = {
  kinds: ['doc_handle', 'doc_read'],

  async arms(ctx: TodoContext, wanted: ReadonlySet<TodoKind>) {
    const v = ctx.visibility;
    const kinds = (['doc_handle', 'doc_read'] as const).filter((k) => wanted.has(k));
    if (kinds.length === 0) return [];
    const people = [v.userId, ...(await principalsOf(ctx.db, v.userId, ctx.now))];
    const waiting =
      people.length === 1 ? Prisma.sql`h.userId = ${v.userId}` : Prisma.sql`h.userId IN (${Prisma.join(people)})`;
    // Counting needs no deadlines: neither the pairs nor the lookup.
    const pairs = ctx.countOnly
      ? []
      : await ctx.db.$queryRaw<Array<{ arrived: string; days: number | bigint }>>`
      SELECT DISTINCT ${ARRIVED} AS arrived, h.workingDays AS days
      FROM OfficialDocumentHandler h
      WHERE ${waiting} AND h.workingDays IS NOT NULL`;
    // One parameter whatever the pairs, a JSON object from "arrived workingDays" to the due instant, so the statement's
    // text stays the same from one request to the next (its prepared form is reused); SQLite parses it once per run.
    const due = JSON.stringify(
      Object.fromEntries(pairs.map((p) => [`${p.arrived} ${Number(p.days)}`, dueInstant(p.arrived, Number(p.days))])),
    );
    const dueAt = ctx.countOnly
      ? Prisma.sql`NULL`
      : Prisma.sql`json_extract(${due}, '$."' || ${ARRIVED} || ' ' || h.workingDays || '"')`;
    // One kind wanted: the other's rows are left out on the index.
    const ofKind =
      kinds.length === 2
        ? Prisma.empty
        : kinds[0] === 'doc_read'
          ? Prisma.sql`AND h.opinion = ${READ_OPINION}`
          : Prisma.sql`AND h.opinion <> ${READ_OPINION}`;
    // The document's deletion and classification are read from the copies on the handler row, in its index.
    const mine = Prisma.sql`FROM OfficialDocumentHandler h
      WHERE ${waiting} AND h.documentDeleted = 0 AND h.classification <= ${v.clearance} ${ofKind}`;
    // One row per 公文 even when it waits for me and for someone I stand in for: the earliest arrival speaks for it
    // (every row of a 公文 is on its current step, so they agree on its kind). Alone, my rows are one per 公文 already.
    const rows =
      people.length === 1
        ? Prisma.sql`(SELECT h.officialDocumentId AS docId, h.since AS since, ${dueAt} AS dueAt, h.opinion AS opinion,
            h.urgency AS urgency, h.classification AS classification ${mine})`
        : Prisma.sql`(SELECT h.officialDocumentId AS docId, MIN(h.since) AS since, MIN(${dueAt}) AS dueAt,
            MAX(h.opinion) AS opinion, MAX(h.urgency) AS urgency, MAX(h.classification) AS classification ${mine}
            GROUP BY h.officialDocumentId)`;
    const urgency = Prisma.sql`CASE w.urgency WHEN 'extra_urgent' THEN 'critical' WHEN 'urgent' THEN 'urgent' ELSE 'normal' END`;
    return [
      todoArm(
        {
          kind: kindOf(Prisma.sql`w.opinion`),
          id: Prisma.sql`w.docId`,
          ref: Prisma.sql`w.docId`,
          title: DEFERRED_TITLE,
          dueAt: Prisma.sql`w.dueAt`,
          since: Prisma.sql`w.since`,
        },
        urgency,
        Prisma.sql`w.classification`,
        Prisma.sql`FROM ${rows} w`,
      ),
    ];
  },

  link: (_kind, ref) => `/official-documents/${ref}`,
  titleOf: officialDocTitle,
};
