// Records how a recording ended once it is composed and sealed: complete, partial (a recorder process died; what it
// wrote is kept), or failed (nothing could be composed). Its reservation is released and its sealed size counts
// against the quota from now on.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../services.ts';
import { IN_PROGRESS } from './recordingStarter.ts';

export interface RecordingOutcome {
  status: 'complete' | 'partial' | 'failed';
  endReason: string;
  /** The sealed file, when there is one. */
  file: { sha256: string; size: number } | null;
  durationMs: number;
  chapters: Array<{ title: string; startMs: number }>;
}

export async function finishRecording(
  svc: Services,
  ctx: RequestContext,
  input: { meetingId: string; recordingId: string; outcome: RecordingOutcome },
): Promise<void> {
  const { outcome } = input;
  await inTransaction(svc, async (tx) => {
    const row = await tx.meetingRecording.findFirst({
      where: { id: input.recordingId, meetingId: input.meetingId, status: { in: IN_PROGRESS } },
      select: { endReason: true, endedAt: true },
    });
    // Finished already (a restart's sweep got to it first): the first result stands.
    if (!row) return;
    await tx.meetingRecording.update({
      where: { id: input.recordingId },
      data: {
        status: outcome.status,
        endReason: row.endReason ?? outcome.endReason,
        endedAt: row.endedAt ?? ctx.at,
        reservedBytes: 0n,
        size: BigInt(outcome.file?.size ?? 0),
        sha256: outcome.file?.sha256 ?? null,
        durationMs: Math.round(outcome.durationMs),
        chapters: JSON.stringify(outcome.chapters),
      },
    });
    await recordAudit(tx, ctx, {
      action: 'meeting.recording.finish',
      resourceType: 'meeting',
      resourceId: input.meetingId,
      outcome: outcome.status === 'failed' ? 'failure' : 'success',
      detail: {
        recordingId: input.recordingId,
        status: outcome.status,
        endReason: row.endReason ?? outcome.endReason,
        size: outcome.file?.size ?? 0,
        sha256: outcome.file?.sha256 ?? null,
        durationMs: Math.round(outcome.durationMs),
      },
    });
  });
}

/**
 * After a restart the recorders of this process are gone: its recordings left in progress (`ours`: their working
 * files are in this process's data directory; another instance's are not touched) end as failed and release their
 * reservation. Their streams stay on disk for an administrator.
 */
export async function failInterruptedRecordings(
  svc: Services,
  ctx: RequestContext,
  ours: (recordingId: string) => boolean,
): Promise<number> {
  return inTransaction(svc, async (tx) => {
    const rows = (
      await tx.meetingRecording.findMany({
        where: { status: { in: IN_PROGRESS } },
        select: { id: true, meetingId: true },
      })
    ).filter((row) => ours(row.id));
    for (const row of rows) {
      await tx.meetingRecording.update({
        where: { id: row.id },
        data: { status: 'failed', endReason: 'server_restart', endedAt: ctx.at, reservedBytes: 0n },
      });
      await recordAudit(tx, ctx, {
        action: 'meeting.recording.finish',
        resourceType: 'meeting',
        resourceId: row.meetingId,
        outcome: 'failure',
        detail: { recordingId: row.id, status: 'failed', endReason: 'server_restart' },
      });
    }
    return rows.length;
  });
}
