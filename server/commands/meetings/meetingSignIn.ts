// Sign-in at a meeting (签到): by scanning the rotating QR code on the room screen, by the button on a tablet, or by
// joining online. Signing in twice is harmless; the host's board updates live.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { attendanceState, signInProblem, type SignInProblem } from '../../domain/meetings/attendance.ts';
import type { SignInMethod } from '../../domain/meetings/vocabulary.ts';
import { BadRequest, Forbidden, InvalidState, NotFound } from '../../errors.ts';
import { broadcastAttendance } from '../../notifications/meetingBroadcasts.ts';
import { verifySignInToken } from '../../security/signInToken.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

const PROBLEMS: Record<SignInProblem, string> = {
  meeting_not_active: 'Sign-in is only possible for a scheduled meeting or one in progress',
  sign_in_not_open: 'Sign-in opens 30 minutes before the start',
  sign_in_closed: 'The meeting is over; sign-in is closed',
};

export interface SignInOutcome {
  state: 'present' | 'late';
  signedInAt: string;
  /** The person had already signed in; nothing changed. */
  already: boolean;
}

export async function signInToMeeting(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meetingId: string,
  method: SignInMethod,
  token?: string,
): Promise<SignInOutcome> {
  if (method === 'qr' && !verifySignInToken(svc.keys.master, meetingId, token ?? '', ctx.at)) {
    await inTransaction(svc, (tx) =>
      recordAudit(tx, ctx, {
        action: 'meeting.sign_in',
        resourceType: 'meeting',
        resourceId: meetingId,
        outcome: 'failure',
        detail: { method, reason: 'invalid_code' },
      }),
    );
    throw new BadRequest(
      'invalid_sign_in_code',
      'The sign-in code has expired or is not valid; scan the code on the screen again',
    );
  }
  const outcome = await inTransaction(svc, async (tx) => {
    const m = await tx.meeting.findUnique({
      where: { id: meetingId },
      select: { status: true, startAt: true, endAt: true, participants: { where: { userId: subject.id } } },
    });
    if (!m) throw new NotFound('meeting');
    const seat = m.participants[0];
    if (!seat) throw new Forbidden('not_a_participant', 'You are not on the list of this meeting');
    const problem = signInProblem({ status: m.status, start: m.startAt, end: m.endAt }, ctx.at);
    if (problem) throw new InvalidState(problem, PROBLEMS[problem]);
    if (seat.signedInAt) {
      const state = attendanceState({ rsvp: 'attend', signedInAt: seat.signedInAt }, m.startAt, ctx.at) as
        'present' | 'late';
      return { state, signedInAt: seat.signedInAt.toISOString(), already: true };
    }
    await tx.meetingParticipant.update({ where: { id: seat.id }, data: { signedInAt: ctx.at, signInMethod: method } });
    const state = attendanceState({ rsvp: 'attend', signedInAt: ctx.at }, m.startAt, ctx.at) as 'present' | 'late';
    await recordAudit(tx, ctx, {
      action: 'meeting.sign_in',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { method, state },
    });
    return { state, signedInAt: ctx.at.toISOString(), already: false };
  });
  if (!outcome.already) {
    await broadcastAttendance(svc, meetingId);
    // Signed in: today's sign-in leaves the person's 待办 on their other screens.
    svc.notifications.nudgeTodo([subject.id]);
  }
  return outcome;
}
