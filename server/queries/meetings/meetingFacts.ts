// What the policies need about one meeting, as the subject's own seat and agenda items show it; null when there is
// no such meeting.
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import type { MeetingResource } from '../../policies/index.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';

export async function meetingFacts(db: Db, subject: Subject, id: string): Promise<MeetingResource | null> {
  const row = await db.meeting.findUnique({ where: { id }, select: meetingFactsSelect(subject.id) });
  return row ? meetingResource(row) : null;
}
