// The document list (all, mine, of my unit, shared with me, recently opened): one database filter built from the
// policy's visibility rule, used for the page and for its total alike, so the total never counts a hidden document.
import type { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { ANNOTATION_CONTEXTS } from '../../domain/documents/annotationContexts.ts';
import { documentAccess, documentVisibility, type Access, type DocumentVisibility } from '../../policies/documents.ts';

export type DocumentListScope = 'all' | 'mine' | 'shared' | 'unit' | 'recent';

export interface DocumentListParams {
  scope: DocumentListScope;
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
}

const include = (userId: string) =>
  ({
    shares: true,
    unit: { select: { name: true } },
    owner: { select: { displayName: true } },
    visits: { where: { userId } },
  }) as const;

type ListedDocument = Prisma.DocumentGetPayload<{ include: ReturnType<typeof include> }>;

/** Shared with the person or with their unit. */
function sharedWith(v: DocumentVisibility): Prisma.DocumentWhereInput {
  return {
    shares: {
      some: {
        OR: [
          { granteeType: 'user', granteeId: v.userId },
          { granteeType: 'unit', granteeId: v.unitId },
        ],
      },
    },
  };
}

/** The visibility rule as a Prisma filter: exactly the documents documentAccess() gives at least view access to. */
export function visibleDocumentsWhere(v: DocumentVisibility): Prisma.DocumentWhereInput {
  return {
    deletedAt: null,
    classification: { lte: v.clearance },
    AND: [
      { OR: [{ contextType: null }, { contextType: { notIn: Object.values(ANNOTATION_CONTEXTS) } }] },
      { OR: [{ ownerId: v.userId }, { unitId: v.unitId }, sharedWith(v)] },
    ],
  };
}

function scopeWhere(scope: DocumentListScope, v: DocumentVisibility): Prisma.DocumentWhereInput {
  switch (scope) {
    case 'all':
      return {};
    case 'mine':
      return { ownerId: v.userId };
    case 'unit':
      return { unitId: v.unitId };
    case 'shared':
      return sharedWith(v);
    case 'recent':
      return { visits: { some: { userId: v.userId } } };
  }
}

export async function listDocuments(
  db: Db,
  subject: Subject,
  params: DocumentListParams,
): Promise<{ items: Array<{ doc: ListedDocument; access: Access }>; total: number }> {
  const visibility = documentVisibility(subject);
  if (visibility.none) return { items: [], total: 0 };
  const where: Prisma.DocumentWhereInput = {
    AND: [
      visibleDocumentsWhere(visibility),
      scopeWhere(params.scope, visibility),
      {
        ...(params.q ? { title: { contains: params.q } } : {}),
        ...(params.kind ? { kind: params.kind } : {}),
        ...(params.status ? { status: params.status } : {}),
      },
    ],
  };
  const [rows, total] = await Promise.all([
    db.document.findMany({
      where,
      include: include(subject.id),
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
    }),
    db.document.count({ where }),
  ]);
  // The filter is the policy's own rule, so this drops nothing (the oracle test in documentList.integration.test.ts
  // holds the two together); it stays as the last guard before content leaves the server.
  const items = rows
    .map((doc) => ({ doc, access: documentAccess(subject, doc, doc.shares) }))
    .filter((x) => x.access !== 'none');
  if (params.scope === 'recent')
    items.sort((a, b) => (b.doc.visits[0]?.lastAt.getTime() ?? 0) - (a.doc.visits[0]?.lastAt.getTime() ?? 0));
  return { items, total };
}
