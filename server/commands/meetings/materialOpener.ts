// Opens a meeting material for reading: the bytes from the sealed store, a pre-reading mark (who opened it, first and
// last time) and an audit event, since materials can be classified.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import type { MaterialKind } from '../../storage/fileTypes.ts';
import { inTransaction } from '../../db/transaction.ts';

export async function openMaterial(
  svc: Services,
  ctx: RequestContext,
  userId: string,
  meetingId: string,
  materialId: string,
): Promise<{ content: Buffer; kind: MaterialKind; fileName: string }> {
  const material = await svc.db.meetingMaterial.findFirst({ where: { id: materialId, meetingId, removedAt: null } });
  if (!material) throw new NotFound('material');
  const content = await svc.files.read(material.sha256);
  await inTransaction(svc, async (tx) => {
    await tx.materialView.upsert({
      where: { materialId_userId: { materialId, userId } },
      create: { materialId, userId, firstAt: ctx.at, lastAt: ctx.at },
      update: { lastAt: ctx.at, count: { increment: 1 } },
    });
    await recordAudit(tx, ctx, {
      action: 'meeting.material_open',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { materialId },
    });
  });
  return { content, kind: material.kind as MaterialKind, fileName: material.fileName };
}
