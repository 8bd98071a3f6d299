// 公文 waiting for a person: the current step of a 发文 or 收文 whose handlers include them or someone they stand in for
// now (代理), split into steps to handle and 收文 to read (传阅/阅知). The 办理时限 of a step is counted in working days
// from the day it arrived, which SQL cannot count; the few distinct (arrival day, working days) pairs are resolved here
// and joined in as a table of values.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { TodoKind } from '../../../common/todo/vocabulary.ts';
import { stepDueOn } from '../../domain/officialDocs/stepDeadlines.ts';
import { endOfChinaDay } from '../../domain/supervision/deadlines.ts';
import { sqlTime } from '../../db/sqlTime.ts';
import { principalsOf } from '../officialDocs/officialDocFacts.ts';
import { todoArm, type TodoContext, type TodoSource } from './todoSource.ts';

/** The step opinion of a 传阅 (circulation): the people named read it and say so, nothing more. */
const READ_OPINION = 'circulate';
/** The China calendar day a handler row arrived on. */
const ARRIVED = Prisma.sql`date(h.since, '+8 hours')`;
const CURRENT_OPINION = Prisma.sql`json_extract(od.route, '$.steps[' || json_extract(od.route, '$.current') || '].opinion')`;

export const officialDocTodo: TodoSource = {
  kinds: ['doc_handle', 'doc_read'],

  async arms(ctx: TodoContext, wanted: ReadonlySet<TodoKind>) {
    const v = ctx.visibility;
    const kinds = (['doc_handle', 'doc_read'] as const).filter((k) => wanted.has(k));
    if (kinds.length === 0) return [];
    const people = [v.userId, ...(await principalsOf(ctx.db, v.userId, ctx.now))];
    const waiting = Prisma.sql`h.userId IN (${Prisma.join(people)})`;
    const pairs = await ctx.db.$queryRaw<Array<{ arrived: string; days: number | bigint }>>`
      SELECT DISTINCT ${ARRIVED} AS arrived, sd.workingDays AS days
      FROM OfficialDocumentHandler h
      JOIN OfficialDocumentStepDeadline sd ON sd.officialDocumentId = h.officialDocumentId AND sd.stepId = h.stepId
      WHERE ${waiting}`;
    const dueTable =
      pairs.length === 0
        ? Prisma.sql`(SELECT NULL AS arrived, NULL AS days, NULL AS dueAt WHERE 0)`
        : Prisma.sql`(SELECT column1 AS arrived, column2 AS days, column3 AS dueAt FROM (VALUES ${Prisma.join(
            pairs.map(
              (p) =>
                Prisma.sql`(${p.arrived}, ${Number(p.days)}, ${sqlTime(endOfChinaDay(stepDueOn(p.arrived, Number(p.days))))})`,
            ),
          )}))`;
    // One row per 公文 even when it waits for me and for someone I stand in for: the earliest arrival speaks for it.
    const from = (read: boolean) => Prisma.sql`FROM (
        SELECT h.officialDocumentId AS docId, MIN(h.since) AS since, MIN(dt.dueAt) AS dueAt
        FROM OfficialDocumentHandler h
        LEFT JOIN OfficialDocumentStepDeadline sd ON sd.officialDocumentId = h.officialDocumentId AND sd.stepId = h.stepId
        LEFT JOIN ${dueTable} dt ON dt.arrived = ${ARRIVED} AND dt.days = sd.workingDays
        WHERE ${waiting}
        GROUP BY h.officialDocumentId
      ) w
      JOIN OfficialDocument od ON od.id = w.docId
      JOIN Document d ON d.id = od.documentId
      WHERE d.deletedAt IS NULL AND d.classification <= ${v.clearance}
        AND ${read ? Prisma.empty : Prisma.sql`NOT`} (COALESCE(${CURRENT_OPINION}, '') = ${READ_OPINION})`;
    const urgency = Prisma.sql`CASE od.urgency WHEN 'extra_urgent' THEN 'critical' WHEN 'urgent' THEN 'urgent' ELSE 'normal' END`;
    return kinds.map((kind) =>
      todoArm(
        {
          kind,
          id: Prisma.sql`od.id`,
          ref: Prisma.sql`od.id`,
          title: Prisma.sql`d.title`,
          dueAt: Prisma.sql`w.dueAt`,
          since: Prisma.sql`w.since`,
        },
        urgency,
        Prisma.sql`d.classification`,
        from(kind === 'doc_read'),
      ),
    );
  },

  link: (_kind, ref) => `/official-documents/${ref}`,
};
