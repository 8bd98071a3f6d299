// Uploads a meeting material (会议材料): streamed into the sealed, content-addressed store with its type checked by
// its bytes, then recorded at the end of its agenda item's list. A refused upload writes nothing; a database failure
// after the bytes are stored leaves at most an unreferenced blob, which holds no meaning without its row.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { AppError, BadRequest, InvalidState, NotFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { checkUpload, SNIFF_BYTES } from '../../storage/fileTypes.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { queueOcr } from '../ocr/ocrQueue.ts';

export interface MaterialUpload {
  agendaItemId: string | null;
  title: string | null;
  fileName: string;
  mimeType: string;
  stream: Readable;
}

const OPEN_STATUSES = ['draft', 'scheduled', 'in_progress', 'ended'];

/** The last path segment, without control characters, at most 200 characters: what we store and send back. */
export function safeFileName(name: string): string {
  const base = path.posix
    .basename(name.replaceAll('\\', '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return base.slice(-200);
}

async function requireOpenTarget(
  tx: Tx | Services['db'],
  meetingId: string,
  agendaItemId: string | null,
): Promise<void> {
  const m = await tx.meeting.findUnique({ where: { id: meetingId }, select: { status: true } });
  if (!m) throw new NotFound('meeting');
  if (!OPEN_STATUSES.includes(m.status))
    throw new InvalidState(
      'meeting_closed',
      'Materials cannot be added to a cancelled meeting or one whose minutes are final',
    );
  if (
    agendaItemId &&
    !(await tx.meetingAgendaItem.findFirst({ where: { id: agendaItemId, meetingId }, select: { id: true } }))
  ) {
    throw new BadRequest('unknown_agenda_item', 'The agenda item does not belong to this meeting');
  }
}

export async function uploadMaterial(
  svc: Services,
  ctx: RequestContext,
  uploaderId: string,
  meetingId: string,
  upload: MaterialUpload,
): Promise<{ id: string }> {
  const fileName = safeFileName(upload.fileName);
  if (!fileName) throw new BadRequest('file_name_required', 'The file has no name');
  await requireOpenTarget(svc.db, meetingId, upload.agendaItemId);
  let kind = '';
  const stored = await svc.files.put(upload.stream, {
    maxBytes: svc.config.maxUploadMb * 1024 * 1024,
    headBytes: SNIFF_BYTES,
    inspect: (head) => {
      const verdict = checkUpload(fileName, upload.mimeType, head);
      if (!verdict.ok) throw new AppError(415, verdict.code, verdict.message);
      kind = verdict.kind;
    },
  });
  return inTransaction(svc, async (tx) => {
    await requireOpenTarget(tx, meetingId, upload.agendaItemId);
    const last = await tx.meetingMaterial.findFirst({
      where: { meetingId, agendaItemId: upload.agendaItemId, removedAt: null },
      orderBy: { position: 'desc' },
      select: { position: true },
    });
    const title = upload.title?.trim() || fileName.replace(/\.[^.]+$/, '');
    const material = await tx.meetingMaterial.create({
      data: {
        meetingId,
        agendaItemId: upload.agendaItemId,
        position: (last?.position ?? -1) + 1,
        title,
        fileName,
        kind,
        size: stored.size,
        sha256: stored.sha256,
        uploadedById: uploaderId,
        createdAt: ctx.at,
      },
    });
    await tx.meeting.update({ where: { id: meetingId }, data: { updatedAt: ctx.at } });
    // A scan or an image is recognised in the background (a PDF with its own text needs nothing): the upload answers now.
    await queueOcr(tx, { sha256: stored.sha256, kind }, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'meeting.material_upload',
      resourceType: 'meeting',
      resourceId: meetingId,
      detail: {
        materialId: material.id,
        kind,
        size: stored.size,
        sha256: stored.sha256,
        agendaItemId: upload.agendaItemId,
      },
    });
    return { id: material.id };
  });
}
