// The online part of a meeting: the organiser issues (or re-issues) the numeric passcode, shown once and stored as an
// argon2id hash; people open the join link. Participants are let straight in (and signed in); colleagues outside
// the list who are cleared wait in the lobby after giving the passcode. Wrong passcodes are audited and limited per
// person and meeting, counted from the audit log so the limit holds across restarts and instances.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { isOnline, type MeetingMode } from '../../domain/meetings/vocabulary.ts';
import { AppError, BadRequest, Forbidden, InvalidState, NotFound } from '../../errors.ts';
import { concealed } from '../../policies/index.ts';
import { joinDecision } from '../../policies/meetings.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import { hashPassword, verifyPassword } from '../../security/passwordHash.ts';
import type { Services } from '../../services.ts';
import { joinUrl, newOnlineAccess } from '../../domain/meetings/onlineAccess.ts';
import { signInToMeeting } from './meetingSignIn.ts';
import { inTransaction } from '../../db/transaction.ts';

export const PASSCODE_MAX_FAILURES = 5;
export const PASSCODE_WINDOW_MS = 15 * 60_000;

export async function issuePasscode(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
): Promise<{ passcode: string; joinUrl: string }> {
  const fresh = newOnlineAccess();
  const passcodeHash = await hashPassword(fresh.passcode);
  return inTransaction(svc, async (tx) => {
    const m = await tx.meeting.findUnique({
      where: { id: meetingId },
      select: { mode: true, status: true, joinCode: true },
    });
    if (!m) throw new NotFound('meeting');
    if (!isOnline(m.mode as MeetingMode)) throw new BadRequest('not_online', 'This meeting has no online part');
    if (!['draft', 'scheduled', 'in_progress'].includes(m.status))
      throw new InvalidState('meeting_closed', 'The meeting is over or cancelled');
    // The link stays (it may already be in people's calendars); only the passcode changes.
    const joinCode = m.joinCode ?? fresh.joinCode;
    await tx.meeting.update({ where: { id: meetingId }, data: { joinCode, passcodeHash, updatedAt: ctx.at } });
    await recordAudit(tx, ctx, {
      action: 'meeting.passcode_issue',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { newLink: m.joinCode === null },
    });
    return { passcode: fresh.passcode, joinUrl: joinUrl(svc, joinCode) };
  });
}

export interface JoinInfo {
  meetingId: string;
  title: string | null;
  startAt: string;
  endAt: string;
  status: string;
  /** What happens when this person joins: straight in, lobby after the passcode, or not at all. */
  decision: 'admit' | 'lobby' | 'refuse';
}

async function findByCode(svc: Services, subject: Subject, joinCode: string) {
  const m = await svc.db.meeting.findUnique({
    where: { joinCode },
    select: {
      ...meetingFactsSelect(subject.id),
      title: true,
      startAt: true,
      endAt: true,
      mode: true,
      passcodeHash: true,
    },
  });
  if (!m || !isOnline(m.mode as MeetingMode)) throw new NotFound('meeting');
  return m;
}

/**
 * The meeting behind a join link and what happens when this person joins. Someone who could never join (not cleared,
 * an administrator) learns nothing, not even that the link leads anywhere: the same 404 as an unknown code, audited.
 */
async function joinable(svc: Services, subject: Subject, joinCode: string) {
  const m = await findByCode(svc, subject, joinCode);
  const decision = joinDecision(subject, meetingResource(m));
  if (decision === 'refuse') {
    const hidden = { what: 'meeting', resourceType: 'meeting', id: m.id, classification: m.classification };
    throw concealed(subject, hidden, 'meeting.join');
  }
  return { m, decision };
}

/** What the join page shows before anyone types a passcode. */
export async function joinInfo(svc: Services, subject: Subject, joinCode: string): Promise<JoinInfo> {
  const { m, decision } = await joinable(svc, subject, joinCode);
  return {
    meetingId: m.id,
    title: m.title,
    startAt: m.startAt.toISOString(),
    endAt: m.endAt.toISOString(),
    status: m.status,
    decision,
  };
}

export async function requestJoin(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  joinCode: string,
  passcode: string | null,
): Promise<{ meetingId: string; result: 'admitted' | 'lobby' }> {
  const { m, decision } = await joinable(svc, subject, joinCode);
  if (m.status !== 'scheduled' && m.status !== 'in_progress')
    throw new InvalidState('meeting_not_active', 'The meeting is not open for joining');
  if (decision === 'admit') {
    if (m.participants.length > 0) {
      try {
        await signInToMeeting(svc, ctx, subject, m.id, 'online');
      } catch (err) {
        // Joining before sign-in opens is allowed; the person is signed in when they join again nearer the time.
        if (!(err instanceof InvalidState)) throw err;
      }
    }
    return { meetingId: m.id, result: 'admitted' };
  }

  if (!passcode) throw new BadRequest('passcode_required', 'Enter the meeting passcode');
  // The hash is checked before the transaction (it is slow); the count, the limit and the record of this guess are one
  // transaction, so guesses sent all at once each see the failures before them and at most the limit are judged.
  const right = m.passcodeHash !== null && (await verifyPassword(m.passcodeHash, passcode));
  const refusal = await inTransaction(svc, async (tx) => {
    const audit = (outcome: 'success' | 'failure', reason?: string) =>
      recordAudit(tx, ctx, {
        action: 'meeting.passcode_check',
        resourceType: 'meeting',
        resourceId: m.id,
        outcome,
        detail: reason ? { reason } : {},
      });
    const failures = await tx.auditEvent.count({
      where: {
        action: 'meeting.passcode_check',
        resourceId: m.id,
        actorId: subject.id,
        outcome: 'failure',
        at: { gte: new Date(ctx.at.getTime() - PASSCODE_WINDOW_MS) },
      },
    });
    if (failures >= PASSCODE_MAX_FAILURES) {
      await audit('failure', 'rate_limited');
      return new AppError(429, 'passcode_attempts', 'Too many wrong passcodes; try again in 15 minutes', {
        retryAfterSeconds: PASSCODE_WINDOW_MS / 1000,
      });
    }
    if (!right) {
      await audit('failure', 'wrong_passcode');
      return new Forbidden('wrong_passcode', 'The passcode is not right');
    }
    await audit('success');
    return null;
  });
  // Thrown after the transaction committed, so that the failed guess and its audit event are kept.
  if (refusal) throw refusal;
  return { meetingId: m.id, result: 'lobby' };
}
