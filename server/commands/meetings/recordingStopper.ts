// Stops a recording (the host's 停止录制): the recording is then composed and sealed in the background, holding its
// reservation until recordingFinisher records the result.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { recordingMessage } from '../../../common/recording/errors.ts';

export async function stopRecording(
  svc: Services,
  ctx: RequestContext,
  input: { meetingId: string; recordingId: string; stoppedById: string | null; reason: string },
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    const changed = await tx.meetingRecording.updateMany({
      where: { id: input.recordingId, meetingId: input.meetingId, status: 'recording' },
      data: { status: 'processing', stoppedById: input.stoppedById, endedAt: ctx.at, endReason: input.reason },
    });
    if (changed.count === 0) throw new AppError(409, 'not_recording', recordingMessage('not_recording'));
    await recordAudit(tx, ctx, {
      action: 'meeting.recording.stop',
      resourceType: 'meeting',
      resourceId: input.meetingId,
      detail: { recordingId: input.recordingId, reason: input.reason },
    });
  });
}
