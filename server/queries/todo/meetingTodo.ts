// Meetings waiting for a person: a reply (参会回执) owed while the meeting is announced and not begun, and today's
// meetings to sign in to — from their seat, as meeting.reply and meeting.signIn allow (a seat at an announced
// meeting they are cleared for).
import { Prisma } from '../../../prisma/generated/client.ts';
import { addDays } from '../../../common/calendar/isoDate.ts';
import type { TodoKind } from '../../../common/todo/vocabulary.ts';
import { chinaToday, endOfChinaDay } from '../../domain/supervision/deadlines.ts';
import { sqlTime } from '../../db/sqlTime.ts';
import { DEFERRED_TITLE, todoArm, type TodoArm, type TodoContext, type TodoSource } from './todoSource.ts';

export const meetingTodo: TodoSource = {
  kinds: ['meeting_rsvp', 'meeting_sign_in'],

  async arms(ctx: TodoContext, wanted: ReadonlySet<TodoKind>) {
    const v = ctx.visibility;
    const now = sqlTime(ctx.now);
    // From the person's seats (their index) to each seat's meeting (on its id index alone): CROSS JOIN keeps SQLite
    // from starting at the day's meetings instead, which are many more than one person's seats.
    const seat = Prisma.sql`FROM "MeetingParticipant" p CROSS JOIN "Meeting" m
      WHERE m.id = p."meetingId" AND p."userId" = ${v.userId} AND m.classification <= ${v.clearance}
        AND m."endAt" > ${now}`;
    const columns = (kind: TodoKind) => ({
      kind,
      id: Prisma.sql`m.id`,
      ref: Prisma.sql`m.id`,
      title: DEFERRED_TITLE,
      dueAt: Prisma.sql`m."startAt"`,
      since: Prisma.sql`p."createdAt"`,
    });
    const arms: TodoArm[] = [];
    // Replies are taken until the meeting starts (rsvpResponder refuses once it is in progress).
    if (wanted.has('meeting_rsvp'))
      arms.push(
        todoArm(
          ctx.dialect,
          columns('meeting_rsvp'),
          Prisma.sql`'normal'`,
          Prisma.sql`m.classification`,
          Prisma.sql`${seat} AND p.rsvp = 'pending' AND m.status = 'scheduled'`,
        ),
      );
    // Today (China) and not over: sign-in opens shortly before the start and closes at the end. Whoever sent word of
    // leave or absence owes no sign-in.
    if (wanted.has('meeting_sign_in')) {
      const endOfToday = sqlTime(endOfChinaDay(chinaToday(ctx.now)));
      const startOfToday = sqlTime(endOfChinaDay(addDays(chinaToday(ctx.now), -1)));
      arms.push(
        todoArm(
          ctx.dialect,
          columns('meeting_sign_in'),
          Prisma.sql`'normal'`,
          Prisma.sql`m.classification`,
          Prisma.sql`${seat} AND p."signedInAt" IS NULL AND p.rsvp NOT IN ('leave', 'absent')
            AND m.status IN ('scheduled', 'in_progress') AND m."startAt" < ${endOfToday}
            AND (m."startAt" >= ${startOfToday} OR m.status = 'in_progress')`,
        ),
      );
    }
    return arms;
  },

  link: (_kind, ref) => `/meetings/${ref}`,
  titleOf: (ref) => Prisma.sql`(SELECT mt.title FROM "Meeting" mt WHERE mt.id = ${ref})`,
};
