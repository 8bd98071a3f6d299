// Minutes waiting for a person's confirmation: asked of them in the round now open, not yet answered, from a seat at
// the meeting (minutes.confirm) and within their clearance.
import { Prisma } from '../../../prisma/generated/client.ts';
import type { TodoKind } from '../../../common/todo/vocabulary.ts';
import { NO_DUE, todoArm, type TodoContext, type TodoSource } from './todoSource.ts';

export const minutesTodo: TodoSource = {
  kinds: ['minutes_confirm'],

  async arms(ctx: TodoContext, wanted: ReadonlySet<TodoKind>) {
    if (!wanted.has('minutes_confirm')) return [];
    const v = ctx.visibility;
    return [
      todoArm(
        ctx.dialect,
        {
          kind: 'minutes_confirm',
          id: Prisma.sql`m.id`,
          ref: Prisma.sql`mm."documentId"`,
          title: Prisma.sql`m.title`,
          dueAt: NO_DUE,
          since: Prisma.sql`c."requestedAt"`,
        },
        Prisma.sql`'normal'`,
        Prisma.sql`m.classification`,
        Prisma.sql`FROM "MinutesConfirmation" c
          JOIN "MeetingMinutes" mm ON mm."meetingId" = c."meetingId"
          JOIN "Meeting" m ON m.id = c."meetingId"
          WHERE c."userId" = ${v.userId} AND c.state = 'pending' AND c.round = mm.round AND mm.status = 'confirming'
            AND m.classification <= ${v.clearance} AND m.status <> 'draft'
            AND EXISTS (SELECT 1 FROM "MeetingParticipant" p WHERE p."meetingId" = m.id AND p."userId" = ${v.userId})`,
      ),
    ];
  },

  // The minutes are a document of their own: their page is where they are read and confirmed.
  link: (_kind, ref) => `/documents/${ref}`,
};
