// A meeting's whiteboards, oldest first (the first is the default one).
import type { Db } from '../../db/client.ts';
import { ANNOTATION_CONTEXTS } from '../../domain/documents/annotationContexts.ts';

export interface WhiteboardItem {
  documentId: string;
  title: string;
  createdAt: string;
  createdById: string;
}

export async function listWhiteboards(db: Db, meetingId: string): Promise<WhiteboardItem[]> {
  const rows = await db.document.findMany({
    where: { kind: 'whiteboard', contextType: ANNOTATION_CONTEXTS.whiteboard, contextId: meetingId, deletedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, title: true, createdAt: true, ownerId: true },
  });
  return rows.map((r) => ({
    documentId: r.id,
    title: r.title,
    createdAt: r.createdAt.toISOString(),
    createdById: r.ownerId,
  }));
}
