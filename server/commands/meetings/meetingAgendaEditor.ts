// Replaces a meeting's agenda (议程): items in order, each with presenter and time slot. Items that stay keep their
// materials; an item taken off the agenda leaves its materials with the meeting, unassigned.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Services } from '../../services.ts';
import { requireValidAgenda, saveAgenda, type AgendaInput } from './meetingScheduler.ts';
import { loadMeetingForChange } from '../../queries/meetings/meetingForChange.ts';
import { requireTransition } from '../../domain/meetings/meetingChecks.ts';
import { inTransaction } from '../../db/transaction.ts';

export async function setAgenda(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
  agenda: AgendaInput[],
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    const m = await loadMeetingForChange(tx, meetingId);
    requireTransition(m.status, 'edit');
    requireValidAgenda(agenda, { start: m.startAt, end: m.endAt });
    await saveAgenda(tx, meetingId, agenda, m.classification, ctx.at);
    await tx.meeting.update({ where: { id: meetingId }, data: { updatedAt: ctx.at } });
    await recordAudit(tx, ctx, {
      action: 'meeting.agenda',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { items: agenda.length, presenters: agenda.flatMap((a) => (a.presenterId ? [a.presenterId] : [])) },
    });
  });
}
