// The document list (all, mine, of my unit, shared with me, recently opened): one database filter built from the
// policy's visibility rule, used for the page and for its total alike, so the total never counts a hidden document.
// Minutes follow their meeting: the meetings whose minutes the person may read are found first, by the same rule.
import type { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { ANNOTATION_CONTEXTS, MINUTES_CONTEXT } from '../../domain/documents/annotationContexts.ts';
import { documentAccess, documentVisibility, type Access, type DocumentVisibility } from '../../policies/documents.ts';
import { meetingFactsSelect, meetingResource } from '../../policies/meetingFacts.ts';
import type { MinutesVisibility } from '../../policies/minutes.ts';

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

/** The minutes read rule as a Prisma filter on meetings (the reasons of minutes.read). */
export function minutesReadableMeetingsWhere(v: MinutesVisibility): Prisma.MeetingWhereInput {
  return {
    classification: { lte: v.clearance },
    OR: [
      { createdById: v.userId },
      ...(v.organisesUnit ? [{ organiserUnitId: v.unitId }] : []),
      { hostId: v.userId },
      { minuteTakerId: v.userId },
      { participants: { some: { userId: v.userId } }, status: { not: 'draft' } },
    ],
  };
}

/** The meetings whose minutes this person may read; the list filter names them. */
async function minutesReadableMeetingIds(db: Db, v: MinutesVisibility): Promise<string[]> {
  if (v.none) return [];
  const rows = await db.meeting.findMany({ where: minutesReadableMeetingsWhere(v), select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * The visibility rule as a Prisma filter: exactly the documents documentAccess() gives at least view access to.
 * `minutesMeetingIds`: the meetings whose minutes the person may read (minutesReadableMeetingIds).
 */
export function visibleDocumentsWhere(
  v: DocumentVisibility,
  minutesMeetingIds: readonly string[],
): Prisma.DocumentWhereInput {
  return {
    deletedAt: null,
    classification: { lte: v.clearance },
    AND: [
      { OR: [{ contextType: null }, { contextType: { notIn: Object.values(ANNOTATION_CONTEXTS) } }] },
      {
        OR: [
          { ownerId: v.userId },
          sharedWith(v),
          // Unit membership opens the unit's documents but not a meeting's minutes: those follow the minutes rule.
          { unitId: v.unitId, OR: [{ contextType: null }, { contextType: { not: MINUTES_CONTEXT } }] },
          { contextType: MINUTES_CONTEXT, contextId: { in: [...minutesMeetingIds] } },
        ],
      },
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
  const minutesMeetingIds = await minutesReadableMeetingIds(db, visibility.minutes);
  const where: Prisma.DocumentWhereInput = {
    AND: [
      visibleDocumentsWhere(visibility, minutesMeetingIds),
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
  const meetings = await minutesMeetingsOf(db, subject.id, rows);
  const items = rows
    .map((doc) => ({
      doc,
      access: documentAccess(subject, doc, doc.shares, (doc.contextId && meetings.get(doc.contextId)) || null),
    }))
    .filter((x) => x.access !== 'none');
  if (params.scope === 'recent')
    items.sort((a, b) => (b.doc.visits[0]?.lastAt.getTime() ?? 0) - (a.doc.visits[0]?.lastAt.getTime() ?? 0));
  return { items, total };
}

/** The meetings of the minutes on a page, as the subject sees them (for the policy's last look at each row). */
async function minutesMeetingsOf(
  db: Db,
  subjectId: string,
  rows: ReadonlyArray<{ contextType: string | null; contextId: string | null }>,
) {
  const ids = rows.filter((r) => r.contextType === MINUTES_CONTEXT && r.contextId).map((r) => r.contextId!);
  if (ids.length === 0) return new Map<string, ReturnType<typeof meetingResource>>();
  const meetings = await db.meeting.findMany({ where: { id: { in: ids } }, select: meetingFactsSelect(subjectId) });
  return new Map(meetings.map((m) => [m.id, meetingResource(m)] as const));
}
