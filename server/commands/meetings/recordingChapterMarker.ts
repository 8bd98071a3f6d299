// Marks that the meeting moved on to an agenda item while it is recorded (下一议题): the recording gets a chapter
// named after the item from this moment on.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, BadRequest } from '../../errors.ts';
import { chapterTitle } from '../../domain/meetings/recordingChapters.ts';
import type { Services } from '../../services.ts';
import { recordingMessage } from '../../../common/recording/errors.ts';

export async function markRecordingChapter(
  svc: Services,
  ctx: RequestContext,
  input: { meetingId: string; recordingId: string; agendaItemId: string; atMs: number },
): Promise<{ title: string }> {
  return inTransaction(svc, async (tx) => {
    const recording = await tx.meetingRecording.findFirst({
      where: { id: input.recordingId, meetingId: input.meetingId, status: 'recording' },
      select: { id: true },
    });
    if (!recording) throw new AppError(409, 'not_recording', recordingMessage('not_recording'));
    const item = await tx.meetingAgendaItem.findFirst({
      where: { id: input.agendaItemId, meetingId: input.meetingId },
      select: { position: true, title: true },
    });
    if (!item)
      throw new BadRequest('unknown_agenda_item', 'The agenda item does not belong to this meeting (议题不属于本会议)');
    await recordAudit(tx, ctx, {
      action: 'meeting.recording.chapter',
      resourceType: 'meeting',
      resourceId: input.meetingId,
      detail: { recordingId: input.recordingId, agendaItemId: input.agendaItemId, atMs: Math.round(input.atMs) },
    });
    return { title: chapterTitle(item) };
  });
}
