// Opens a meeting material's ink layers for the caller: the shared layer (one per material, everyone at the table
// draws on it) and the caller's own private layer (nobody else can open it), each created on first use. Their access
// follows the meeting (policies/annotations.ts), so the rows' owner and unit only record where they belong.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Tx } from '../../db/client.ts';
import { ANNOTATION_CONTEXTS } from '../../domain/documents/annotationContexts.ts';
import { InvalidState, NotFound } from '../../errors.ts';
import type { MeetingResource } from '../../policies/meetings.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

/** pdf.js renders these; Office files have no pages to draw on until they are converted. */
const ANNOTATABLE_KINDS = ['pdf', 'png', 'jpeg'];

export interface MaterialLayers {
  sharedDocumentId: string;
  privateDocumentId: string;
}

interface NewLayer {
  contextType: string;
  materialId: string;
  title: string;
  ownerId: string;
  unitId: string;
  classification: number;
}

async function findOrCreateLayer(tx: Tx, ctx: RequestContext, layer: NewLayer, ownedOnly: boolean): Promise<string> {
  const existing = await tx.document.findFirst({
    where: {
      kind: 'material',
      contextType: layer.contextType,
      contextId: layer.materialId,
      deletedAt: null,
      ...(ownedOnly ? { ownerId: layer.ownerId } : {}),
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  if (existing) return existing.id;
  const doc = await tx.document.create({
    data: {
      kind: 'material',
      title: layer.title,
      unitId: layer.unitId,
      ownerId: layer.ownerId,
      classification: layer.classification,
      contextType: layer.contextType,
      contextId: layer.materialId,
      createdAt: ctx.at,
      updatedAt: ctx.at,
    },
  });
  await recordAudit(tx, ctx, {
    action: 'document.create',
    resourceType: 'document',
    resourceId: doc.id,
    detail: {
      kind: 'material',
      contextType: layer.contextType,
      materialId: layer.materialId,
      classification: layer.classification,
    },
  });
  return doc.id;
}

/**
 * The caller's layers of one material. Two people opening a material for the first time at the same moment get the
 * same shared layer: SQLite runs one write transaction at a time (and the driver adapter serialises this process's
 * transactions), so the second sees the first's row.
 */
export async function openMaterialLayers(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meeting: MeetingResource,
  materialId: string,
): Promise<MaterialLayers> {
  return inTransaction(svc, async (tx) => {
    const material = await tx.meetingMaterial.findFirst({
      where: { id: materialId, meetingId: meeting.id, removedAt: null },
      select: { id: true, title: true, kind: true },
    });
    if (!material) throw new NotFound('material');
    if (!ANNOTATABLE_KINDS.includes(material.kind))
      throw new InvalidState('not_annotatable', 'Only PDF and image materials can be annotated');
    const common = { materialId, title: material.title, classification: meeting.classification };
    const sharedDocumentId = await findOrCreateLayer(
      tx,
      ctx,
      {
        ...common,
        contextType: ANNOTATION_CONTEXTS.sharedMaterial,
        ownerId: meeting.createdById,
        unitId: meeting.organiserUnitId,
      },
      false,
    );
    const privateDocumentId = await findOrCreateLayer(
      tx,
      ctx,
      { ...common, contextType: ANNOTATION_CONTEXTS.privateMaterial, ownerId: subject.id, unitId: subject.unitId },
      true,
    );
    return { sharedDocumentId, privateDocumentId };
  });
}
