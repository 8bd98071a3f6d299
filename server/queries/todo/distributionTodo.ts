// 公文 distributed to a person's unit and waiting to be signed for (待签收): the rows of its 收文箱 its clerks sign for,
// and the 函 addressed to them by name — as distribution.signFor allows (the recipient, cleared for the 公文) — each
// read from one index of the distribution table alone: the 公文's classification, deletion and urgency are copied on
// each row when it is written (they are frozen from 签发 on, before anything is distributed), so counting a unit's
// pending rows joins no 公文 or document; titles only for the page shown.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { TodoKind } from '../../../common/todo/vocabulary.ts';
import {
  DEFERRED_TITLE,
  falseOf,
  NO_DUE,
  officialDocTitle,
  todoArm,
  type TodoContext,
  type TodoSource,
} from './todoSource.ts';

const URGENCY = Prisma.sql`CASE x.urgency WHEN 'extra_urgent' THEN 'critical' WHEN 'urgent' THEN 'urgent' ELSE 'normal' END`;

export const distributionTodo: TodoSource = {
  kinds: ['doc_sign_for'],

  async arms(ctx: TodoContext, wanted: ReadonlySet<TodoKind>) {
    if (!wanted.has('doc_sign_for')) return [];
    const v = ctx.visibility;
    const arm = (where: Prisma.Sql) =>
      todoArm(
        ctx.dialect,
        {
          kind: 'doc_sign_for',
          id: Prisma.sql`x.id`,
          ref: Prisma.sql`x."officialDocumentId"`,
          title: DEFERRED_TITLE,
          dueAt: NO_DUE,
          since: Prisma.sql`x."sentAt"`,
        },
        URGENCY,
        Prisma.sql`x.classification`,
        Prisma.sql`FROM "OfficialDocumentDistribution" x
          WHERE x.status = 'pending' AND ${where} AND x."documentDeleted" = ${falseOf(ctx.dialect)}
            AND x.classification <= ${v.clearance}`,
      );
    // The unit's rows for its clerks, and the rows naming the person (not counted twice when both).
    const arms = [arm(Prisma.sql`x."receiverId" = ${v.userId}`)];
    if (v.clerkOfUnitId)
      arms.push(
        arm(Prisma.sql`x."unitId" = ${v.clerkOfUnitId} AND (x."receiverId" IS NULL OR x."receiverId" <> ${v.userId})`),
      );
    return arms;
  },

  link: (_kind, ref) => `/official-documents/${ref}`,
  titleOf: officialDocTitle,
};
