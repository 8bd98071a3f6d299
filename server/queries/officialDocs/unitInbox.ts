// 收文箱: what was distributed to the reader's unit (for its clerks) or addressed to them by name (函), newest first,
// with a count per status from the same filter as the list, so a count never disagrees with what the list shows.
import { INBOX_STATUSES, type InboxStatus } from '../../../common/officialDocs/distribution.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import type { Prisma } from '../../../prisma/generated/client.ts';
import { inboxVisibility } from '../../policies/distributions.ts';

export interface InboxQuery {
  status?: InboxStatus;
  page: number;
  pageSize: number;
}

export async function unitInbox(db: Db, subject: Subject, query: InboxQuery) {
  const v = inboxVisibility(subject);
  const counts = Object.fromEntries(INBOX_STATUSES.map((s) => [s, 0])) as Record<InboxStatus, number>;
  if (v.none) return { rows: [], total: 0, counts };
  const mine: Prisma.OfficialDocumentDistributionWhereInput = {
    AND: [
      { OR: [{ receiverId: v.userId }, ...(v.clerkOfUnitId ? [{ unitId: v.clerkOfUnitId }] : [])] },
      { officialDocument: { document: { deletedAt: null, classification: { lte: v.clearance } } } },
    ],
  };
  const where: Prisma.OfficialDocumentDistributionWhereInput = {
    AND: [mine, { status: query.status ? query.status : { in: [...INBOX_STATUSES] } }],
  };
  const [rows, total, grouped] = await Promise.all([
    db.officialDocumentDistribution.findMany({
      where,
      orderBy: [{ sentAt: 'desc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: {
        unit: { select: { name: true } },
        officialDocument: {
          select: {
            id: true,
            kind: true,
            urgency: true,
            numberPrefix: true,
            numberYear: true,
            numberSeq: true,
            issuerSignature: true,
            document: { select: { title: true, classification: true } },
          },
        },
      },
    }),
    db.officialDocumentDistribution.count({ where }),
    db.officialDocumentDistribution.groupBy({
      by: ['status'],
      where: { AND: [mine, { status: { in: [...INBOX_STATUSES] } }] },
      _count: { _all: true },
    }),
  ]);
  for (const g of grouped) counts[g.status as InboxStatus] = g._count._all;
  return { rows, total, counts };
}
