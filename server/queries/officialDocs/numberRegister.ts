// The 发文登记簿 of an issuing unit: every 序号 of one 代字 and year — used, reserved or void — with who took it and
// when, and the 公文 it went to. The title of that 公文 is shown only when the policies let the viewer read it (the
// office may lack the clearance for a classified one): otherwise the row says only that the number is used.
import { formatDocumentNumber } from '../../../common/officialDocs/catalogue.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { authorize, can } from '../../policies/index.ts';
import { officialDocResource } from '../../policies/officialDocs.ts';
import { displayNames } from '../users/displayNames.ts';
import { issuingDefaults } from './issuingDefaults.ts';
import { officialDocFacts, principalsOf } from './officialDocFacts.ts';

export interface RegisterFilter {
  unitId: string;
  prefix?: string | undefined;
  year: number;
}

export async function numberRegister(db: Db, subject: Subject, filter: RegisterFilter, now: Date) {
  const defaults = await issuingDefaults(db, filter.unitId);
  authorize(subject, 'officialDoc.viewRegister', {
    kind: 'issuingUnit',
    unitId: filter.unitId,
    officeUnitId: defaults.officeUnitId,
  });
  const prefix = filter.prefix ?? defaults.numberPrefix;
  const [numbers, series, actingFor] = await Promise.all([
    db.documentNumber.findMany({
      where: { unitId: filter.unitId, prefix, year: filter.year },
      orderBy: { seq: 'asc' },
      include: {
        officialDocument: {
          include: {
            document: { select: { title: true, classification: true, deletedAt: true } },
            opinions: { select: { userId: true, onBehalfOfId: true } },
          },
        },
      },
    }),
    db.documentNumberCounter.findMany({
      where: { unitId: filter.unitId },
      select: { prefix: true, year: true },
      orderBy: [{ year: 'desc' }, { prefix: 'asc' }],
    }),
    principalsOf(db, subject.id, now),
  ]);
  const names = await displayNames(
    db,
    numbers.map((n) => n.createdById),
  );
  return {
    unitId: filter.unitId,
    prefix,
    year: filter.year,
    /** Every 代字 and year the unit has numbered in (the filters offered), the current ones first. */
    series: series.length > 0 ? series : [{ prefix: defaults.numberPrefix, year: filter.year }],
    items: numbers.map((n) => {
      const doc = n.officialDocument;
      const readable =
        doc !== null &&
        doc.document.deletedAt === null &&
        can(subject, 'officialDoc.view', officialDocResource(officialDocFacts(doc), actingFor));
      return {
        seq: n.seq,
        text: formatDocumentNumber(n.prefix, n.year, n.seq),
        status: n.status as 'used' | 'reserved' | 'void',
        note: n.note,
        document: doc ? { id: readable ? doc.id : null, title: readable ? doc.document.title : null } : null,
        by: { id: n.createdById, name: names.get(n.createdById) ?? '' },
        createdAt: n.createdAt.toISOString(),
        updatedAt: n.updatedAt.toISOString(),
      };
    }),
  };
}
