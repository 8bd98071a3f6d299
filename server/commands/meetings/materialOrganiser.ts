// Arranges a meeting's materials: the order within an agenda item (moving materials into it from elsewhere), and
// taking a material off the meeting (kept for the audit trail, no longer listed or served).
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { BadRequest, InvalidState, NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

const EDITABLE = ['draft', 'scheduled', 'in_progress', 'ended'];

export async function orderMaterials(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
  agendaItemId: string | null,
  ids: string[],
): Promise<void> {
  if (new Set(ids).size !== ids.length) throw new BadRequest('duplicate_material', 'Each material may appear once');
  await inTransaction(svc, async (tx) => {
    const m = await tx.meeting.findUnique({ where: { id: meetingId }, select: { status: true } });
    if (!m) throw new NotFound('meeting');
    if (!EDITABLE.includes(m.status))
      throw new InvalidState('meeting_closed', 'Materials of a cancelled or closed meeting cannot be rearranged');
    if (agendaItemId && !(await tx.meetingAgendaItem.findFirst({ where: { id: agendaItemId, meetingId } })))
      throw new BadRequest('unknown_agenda_item', 'The agenda item does not belong to this meeting');
    const found = await tx.meetingMaterial.findMany({
      where: { meetingId, id: { in: ids }, removedAt: null },
      select: { id: true },
    });
    if (found.length !== ids.length)
      throw new BadRequest('unknown_material', 'A material does not belong to this meeting');
    const group = await tx.meetingMaterial.findMany({
      where: { meetingId, agendaItemId, removedAt: null },
      select: { id: true },
    });
    const missing = group.filter((g) => !ids.includes(g.id));
    if (missing.length > 0)
      throw new BadRequest('order_incomplete', 'List every material of the agenda item in its new order', {
        missing: missing.map((g) => g.id),
      });
    for (const [position, id] of ids.entries())
      await tx.meetingMaterial.update({ where: { id }, data: { agendaItemId, position } });
    await recordAudit(tx, ctx, {
      action: 'meeting.material_order',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { agendaItemId, ids },
    });
  });
}

export async function removeMaterial(
  svc: Services,
  ctx: RequestContext,
  meetingId: string,
  materialId: string,
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    const material = await tx.meetingMaterial.findFirst({
      where: { id: materialId, meetingId, removedAt: null },
      include: { meeting: { select: { status: true } } },
    });
    if (!material) throw new NotFound('material');
    if (!EDITABLE.includes(material.meeting.status))
      throw new InvalidState('meeting_closed', 'Materials of a cancelled or closed meeting cannot be removed');
    await tx.meetingMaterial.update({ where: { id: materialId }, data: { removedAt: ctx.at } });
    await recordAudit(tx, ctx, {
      action: 'meeting.material_remove',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: { materialId, sha256: material.sha256 },
    });
  });
}
