// Records what the host of an online meeting did (mute, stop a camera or screen, remove, lock, admit, reject, hand
// over, lower hands, give or take back the floor in a plenary) in the audit trail. The live state itself is held by the meeting's session in memory.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

export type ModerationAction =
  | 'meeting.media.block'
  | 'meeting.media.allow'
  | 'meeting.participant.remove'
  | 'meeting.lock'
  | 'meeting.unlock'
  | 'meeting.lobby.admit'
  | 'meeting.lobby.reject'
  | 'meeting.host.handover'
  | 'meeting.hands.lower'
  | 'meeting.speaker.grant'
  | 'meeting.speaker.revoke';

export async function recordModeration(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
  action: ModerationAction,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, { action, resourceType: 'meeting', resourceId: meetingId, detail }),
  );
}
