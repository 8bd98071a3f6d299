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
    // Replies: from the person's seats still pending (their index) to each seat's meeting (on its id index alone);
    // CROSS JOIN keeps SQLite from starting at every announced meeting instead, which are many more than one person's
    // pending seats.
    const pendingSeat = Prisma.sql`FROM "MeetingParticipant" p CROSS JOIN "Meeting" m
      WHERE m.id = p."meetingId" AND p."userId" = ${v.userId} AND m.classification <= ${v.clearance}
        AND m."endAt" > ${now}`;
    // Sign-in: from today's meetings (status and start index) to the person's seat in each (the unique seat index).
    // The other way round would walk every seat the person never signed in to, which grows with the years; today's
    // meetings are bounded by a day.
    const todaySeat = Prisma.sql`FROM "Meeting" m CROSS JOIN "MeetingParticipant" p
      WHERE p."meetingId" = m.id AND p."userId" = ${v.userId} AND m.classification <= ${v.clearance}
        AND m."endAt" > ${now}`;
    const columns = (kind: TodoKind) => ({
      kind,
      id: Prisma.sql`m.id`,
      ref: Prisma.sql`m.id`,
      title: DEFERRED_TITLE,
      dueAt: Prisma.sql`m."startAt"`,
      dueNeverNull: true as const,
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
          Prisma.sql`${pendingSeat} AND p.rsvp = 'pending' AND m.status = 'scheduled'`,
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
          Prisma.sql`${todaySeat} AND p."signedInAt" IS NULL AND p.rsvp NOT IN ('leave', 'absent')
            AND ((m.status = 'scheduled' AND m."startAt" >= ${startOfToday} AND m."startAt" < ${endOfToday})
              OR (m.status = 'in_progress' AND m."startAt" < ${endOfToday}))`,
        ),
      );
    }
    return arms;
  },

  link: (_kind, ref) => `/meetings/${ref}`,
  titleOf: (ref) => Prisma.sql`(SELECT mt.title FROM "Meeting" mt WHERE mt.id = ${ref})`,
};
