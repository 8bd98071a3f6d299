// Starts recording a live meeting (录制): at most one recording per meeting at a time, and only when the recording's
// reservation still fits in the quota (domain/meetings/recordingQuota.ts). Counting and creating run in one
// transaction, which SQLite runs one at a time, so parallel starts cannot together overrun the quota.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { reservationFits, type QuotaUse } from '../../domain/meetings/recordingQuota.ts';
import { AppError, NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { recordingMessage } from '../../../common/recording/errors.ts';

const MB = 1024 * 1024;
const LIVE_STATUSES = ['scheduled', 'in_progress'];
/** A recording that holds its reservation: being recorded, or being composed and sealed. */
export const IN_PROGRESS = ['recording', 'processing'];

export async function quotaUse(tx: Tx): Promise<QuotaUse> {
  const [kept, reserved] = await Promise.all([
    tx.meetingRecording.aggregate({ _sum: { size: true }, where: { status: { in: ['complete', 'partial'] } } }),
    tx.meetingRecording.aggregate({ _sum: { reservedBytes: true }, where: { status: { in: IN_PROGRESS } } }),
  ]);
  return { keptBytes: Number(kept._sum.size ?? 0n), reservedBytes: Number(reserved._sum.reservedBytes ?? 0n) };
}

export async function startRecording(
  svc: Services,
  ctx: RequestContext,
  input: { meetingId: string; startedById: string },
): Promise<{ id: string; reservedBytes: number }> {
  const reservation = svc.config.recordingReserveMb * MB;
  const quota = svc.config.recordingQuotaMb * MB;
  return inTransaction(svc, async (tx) => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { status: true } });
    if (!meeting) throw new NotFound('meeting');
    if (!LIVE_STATUSES.includes(meeting.status))
      throw new AppError(409, 'meeting_not_live', recordingMessage('meeting_not_live'));
    const running = await tx.meetingRecording.findFirst({
      where: { meetingId: input.meetingId, status: 'recording' },
      select: { id: true },
    });
    if (running) throw new AppError(409, 'already_recording', recordingMessage('already_recording'));
    const use = await quotaUse(tx);
    if (!reservationFits(use, reservation, quota))
      throw new AppError(409, 'recording_quota_exceeded', recordingMessage('recording_quota_exceeded'), {
        quotaMb: svc.config.recordingQuotaMb,
        usedMb: Math.ceil((use.keptBytes + use.reservedBytes) / MB),
      });
    const row = await tx.meetingRecording.create({
      data: {
        meetingId: input.meetingId,
        status: 'recording',
        startedById: input.startedById,
        startedAt: ctx.at,
        reservedBytes: BigInt(reservation),
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: 'meeting.recording.start',
      resourceType: 'meeting',
      resourceId: input.meetingId,
      detail: { recordingId: row.id, reservedBytes: reservation },
    });
    return { id: row.id, reservedBytes: reservation };
  });
}
