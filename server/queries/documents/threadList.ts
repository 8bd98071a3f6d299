// A document's comment threads (批注) with their replies, oldest first: all, the open ones or the resolved ones.
import type { Db } from '../../db/client.ts';

export interface ThreadView {
  id: string;
  quote: string;
  createdById: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedById: string | null;
  comments: Array<{
    id: string;
    authorId: string;
    authorName: string;
    body: string;
    mentions: string[];
    createdAt: string;
  }>;
}

export async function listThreads(
  db: Db,
  documentId: string,
  status: 'open' | 'resolved' | 'all',
): Promise<ThreadView[]> {
  const rows = await db.commentThread.findMany({
    where: {
      documentId,
      ...(status === 'open' ? { resolvedAt: null } : status === 'resolved' ? { resolvedAt: { not: null } } : {}),
    },
    include: {
      comments: {
        where: { deletedAt: null },
        orderBy: { createdAt: 'asc' },
        include: { author: { select: { displayName: true } } },
      },
    },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((t) => ({
    id: t.id,
    quote: t.quote,
    createdById: t.createdById,
    createdAt: t.createdAt.toISOString(),
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    resolvedById: t.resolvedById,
    comments: t.comments.map((c) => ({
      id: c.id,
      authorId: c.authorId,
      authorName: c.author.displayName,
      body: c.body,
      mentions: JSON.parse(c.mentions) as string[],
      createdAt: c.createdAt.toISOString(),
    })),
  }));
}
