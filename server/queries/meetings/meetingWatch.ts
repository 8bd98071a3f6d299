// Who may watch a meeting's live counts over socket.io: anyone the policies let see the meeting, checked when they
// ask to watch (the counts carry no names; the lists behind them come from the REST API under their own rules).
import { subjectFromUser } from '../../auth/subject.ts';
import { can } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import type { CoreServices } from '../../services.ts';

export async function mayWatchMeeting(
  svc: Pick<CoreServices, 'db'>,
  userId: string,
  meetingId: string,
): Promise<boolean> {
  const user = await svc.db.user.findUnique({ where: { id: userId }, include: { roles: true } });
  if (!user || user.disabled) return false;
  const row = await svc.db.meeting.findUnique({ where: { id: meetingId }, select: meetingFactsSelect(userId) });
  return row !== null && can(subjectFromUser(user), 'meeting.view', meetingResource(row));
}
