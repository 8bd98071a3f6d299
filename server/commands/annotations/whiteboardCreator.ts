// Creates a whiteboard for a meeting, with its first blank page so that everyone who opens it sees the same page
// (rather than each tablet adding a first page of its own). Every meeting also gets a default whiteboard the first
// time anyone at the table looks: its awareness is the meeting's stage channel (follow the presenter across materials).
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { ANNOTATION_CONTEXTS } from '../../domain/documents/annotationContexts.ts';
import type { MeetingResource } from '../../policies/meetings.ts';
import type { Services } from '../../services.ts';
import { addWhiteboardPage } from '../../../common/schema/inkModel.ts';
import type { Tx } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';

/** Stored as the default whiteboard's title; the client shows its own localised name for the first whiteboard. */
export const DEFAULT_WHITEBOARD_TITLE = '白板';

async function insertWhiteboard(
  tx: Tx,
  ctx: RequestContext,
  subject: Subject,
  meeting: MeetingResource,
  title: string,
): Promise<{ id: string; title: string }> {
  const created = await tx.document.create({
    data: {
      kind: 'whiteboard',
      title,
      unitId: meeting.organiserUnitId,
      ownerId: subject.id,
      classification: meeting.classification,
      contextType: ANNOTATION_CONTEXTS.whiteboard,
      contextId: meeting.id,
      createdAt: ctx.at,
      updatedAt: ctx.at,
    },
    select: { id: true, title: true },
  });
  await recordAudit(tx, ctx, {
    action: 'meeting.whiteboard_create',
    resourceType: 'meeting',
    resourceId: meeting.id,
    detail: { documentId: created.id, classification: meeting.classification },
  });
  return created;
}

async function addFirstPage(svc: Services, ctx: RequestContext, subject: Subject, documentId: string): Promise<void> {
  await svc.collab.transact(documentId, subject.id, (d) => {
    addWhiteboardPage(d, 'blank', subject.id, ctx.at.getTime());
  });
}

export async function createWhiteboard(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meeting: MeetingResource,
  title: string,
): Promise<{ documentId: string; title: string }> {
  const doc = await inTransaction(svc, (tx) => insertWhiteboard(tx, ctx, subject, meeting, title));
  await addFirstPage(svc, ctx, subject, doc.id);
  return { documentId: doc.id, title: doc.title };
}

/**
 * Creates the meeting's default whiteboard unless it has one. Two tablets asking at the same moment get one
 * whiteboard: the check and the insert share a transaction, and SQLite runs one write transaction at a time.
 */
export async function ensureDefaultWhiteboard(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  meeting: MeetingResource,
): Promise<void> {
  const created = await inTransaction(svc, async (tx) => {
    const existing = await tx.document.findFirst({
      where: {
        kind: 'whiteboard',
        contextType: ANNOTATION_CONTEXTS.whiteboard,
        contextId: meeting.id,
        deletedAt: null,
      },
      select: { id: true },
    });
    return existing ? null : insertWhiteboard(tx, ctx, subject, meeting, DEFAULT_WHITEBOARD_TITLE);
  });
  if (created) await addFirstPage(svc, ctx, subject, created.id);
}
