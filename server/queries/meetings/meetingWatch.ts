// Who may watch a meeting's live counts over socket.io: anyone the policies let see the meeting, checked when they
// ask to watch (the counts carry no names; the lists behind them come from the REST API under their own rules).
import { subjectFromUser } from '../../auth/subject.ts';
import type { Refusal } from '../../errors.ts';
import { concealed, hiddenObject } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import type { CoreServices } from '../../services.ts';

/** Watching is refused alike for a missing and a hidden meeting; a hidden one names what the audit log records. */
export type WatchDecision = { ok: true } | { ok: false; hidden: Refusal | null };

export async function meetingWatchDecision(
  svc: Pick<CoreServices, 'db'>,
  userId: string,
  meetingId: string,
): Promise<WatchDecision> {
  const user = await svc.db.user.findUnique({ where: { id: userId }, include: { roles: true } });
  if (!user || user.disabled) return { ok: false, hidden: null };
  const row = await svc.db.meeting.findUnique({ where: { id: meetingId }, select: meetingFactsSelect(userId) });
  if (!row) return { ok: false, hidden: null };
  const subject = subjectFromUser(user);
  const hidden = hiddenObject(subject, meetingResource(row));
  return hidden ? { ok: false, hidden: concealed(subject, hidden, 'meeting.watch').refusal } : { ok: true };
}
