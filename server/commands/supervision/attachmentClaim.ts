// Ties the attachments sent with a report or the acceptance evidence to its timeline entry.
import type { Tx } from '../../db/client.ts';
import { Conflict } from '../../errors.ts';

/** Attachments sent with a report or the acceptance evidence: uploaded to this task by this person, not yet used. */
export async function claimAttachments(
  tx: Tx,
  taskId: string,
  uploaderId: string,
  ids: readonly string[],
  eventId: string,
): Promise<void> {
  if (ids.length === 0) return;
  const { count } = await tx.supervisionAttachment.updateMany({
    where: { id: { in: [...ids] }, taskId, uploadedById: uploaderId, eventId: null },
    data: { eventId },
  });
  if (count !== new Set(ids).size)
    throw new Conflict(
      'attachment_unavailable',
      'An attachment is not one you uploaded to this task, or it was already sent',
    );
}
