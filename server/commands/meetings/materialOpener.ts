// Opens a meeting material for reading: the bytes from the sealed store, a pre-reading mark (who opened it, first and
// last time) and an audit event, since materials can be classified; or the text OCR recognised in it, audited alike.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import type { MaterialKind } from '../../storage/fileTypes.ts';
import type { RecognisedText } from '../../../common/ocr/ocrApi.ts';
import { recognisedText } from '../../queries/ocr/ocrResults.ts';
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

/**
 * The text recognised in a material (the caller checked that the subject may read the meeting's materials), with what
 * a draft made from it takes: its title and the meeting's classification. 404 when the material is not one OCR reads.
 */
export async function openMaterialText(
  svc: Services,
  ctx: RequestContext,
  meeting: { id: string; classification: number },
  materialId: string,
): Promise<RecognisedText & { title: string; classification: number }> {
  const material = await svc.db.meetingMaterial.findFirst({
    where: { id: materialId, meetingId: meeting.id, removedAt: null },
  });
  if (!material) throw new NotFound('material');
  const result = await recognisedText(svc.db, svc.keys.atRest, material.sha256);
  if (!result) throw new NotFound('recognised text');
  await inTransaction(svc, (tx) =>
    recordAudit(tx, ctx, {
      action: 'meeting.material_text_open',
      resourceType: 'meeting',
      resourceId: meeting.id,
      detail: { materialId, state: result.state },
    }),
  );
  return { ...result, title: material.title, classification: meeting.classification };
}
