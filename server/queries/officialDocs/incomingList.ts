// The unit's 收文登记簿: the 收文 registered in the subject's unit (or by the office they belong to), newest first, as
// far as the policies' visibility lets them read, so the total never counts what the list hides.
import { formatIncomingNumber } from '../../../common/officialDocs/catalogue.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import type { Prisma } from '../../../prisma/generated/client.ts';
import { officialDocVisibility } from '../../policies/officialDocs.ts';

export async function listIncoming(db: Db, subject: Subject, query: { page: number; pageSize: number }) {
  const v = officialDocVisibility(subject);
  if (v.none) return { items: [], total: 0 };
  const where: Prisma.IncomingDocumentWhereInput = {
    officialDocument: {
      direction: 'incoming',
      OR: [{ unitId: v.unitId }, { officeUnitId: v.unitId }],
      document: { deletedAt: null, classification: { lte: v.clearance } },
    },
  };
  const [rows, total] = await Promise.all([
    db.incomingDocument.findMany({
      where,
      orderBy: [{ registeredAt: 'desc' }, { seq: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: {
        officialDocument: {
          select: {
            id: true,
            kind: true,
            status: true,
            urgency: true,
            document: { select: { title: true, classification: true } },
          },
        },
      },
    }),
    db.incomingDocument.count({ where }),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.officialDocumentId,
      number: formatIncomingNumber(r.year, r.seq),
      title: r.officialDocument.document.title,
      kind: r.officialDocument.kind,
      status: r.officialDocument.status,
      urgency: r.officialDocument.urgency,
      classification: r.officialDocument.document.classification,
      sourceUnit: r.sourceUnit,
      sourceNumber: r.sourceNumber,
      dueDate: r.dueDate,
      registeredAt: r.registeredAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    })),
    total,
  };
}
