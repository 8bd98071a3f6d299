// Changes a unit's issuing setting (UnitIssuingSetting): its office sets the 发文机关标志 and the 代字, the system
// administrator names its 办公室 (policies/issuing.ts says why they are split). Documents already drafted keep what
// they were drafted with; numbering goes on under the new 代字. Audited in the same transaction; refusals audited too.
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { inTransaction } from '../../db/transaction.ts';
import { authorize } from '../../policies/index.ts';
import { officialDocError } from '../../policies/officialDocs.ts';
import { issuingDefaults } from '../../queries/officialDocs/issuingDefaults.ts';
import { issuingResource, officeCandidates } from '../../queries/officialDocs/issuingSetting.ts';
import type { Services } from '../../services.ts';
import { auditingRefusals } from './refusalAudit.ts';

export interface IssuingChanges {
  issuerMark?: string | undefined;
  numberPrefix?: string | undefined;
  officeUnitId?: string | undefined;
}

/** A mark or prefix as printed: Chinese or Latin letters and digits, no spaces or punctuation, 1–40 characters. */
const MARK = /^[\p{L}\p{N}]{1,40}$/u;

export async function updateIssuingSetting(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  unitId: string,
  changes: IssuingChanges,
): Promise<void> {
  const audit = { action: 'unit.issuing_setting', resourceType: 'unit', resourceId: unitId };
  await auditingRefusals(svc, ctx, audit, () =>
    inTransaction(svc, async (tx) => {
      const resource = await issuingResource(tx, unitId);
      const marks = changes.issuerMark !== undefined || changes.numberPrefix !== undefined;
      if (marks) authorize(subject, 'issuing.editMarks', resource);
      if (changes.officeUnitId !== undefined) authorize(subject, 'issuing.assignOffice', resource);
      if (!marks && changes.officeUnitId === undefined) authorize(subject, 'issuing.view', resource);
      for (const value of [changes.issuerMark, changes.numberPrefix])
        if (value !== undefined && !MARK.test(value)) throw officialDocError(400, 'issuing_invalid');
      if (
        changes.officeUnitId !== undefined &&
        !(await officeCandidates(tx, unitId)).some((u) => u.id === changes.officeUnitId)
      )
        throw officialDocError(400, 'issuing_office_invalid');
      const before = await issuingDefaults(tx, unitId);
      const data = {
        ...(changes.issuerMark === undefined ? {} : { issuerMark: changes.issuerMark }),
        ...(changes.numberPrefix === undefined ? {} : { numberPrefix: changes.numberPrefix }),
        ...(changes.officeUnitId === undefined ? {} : { officeUnitId: changes.officeUnitId }),
        updatedAt: ctx.at,
      };
      // An empty mark or prefix in a new row falls back to the defaults (issuingDefaults reads '' as not set).
      await tx.unitIssuingSetting.upsert({
        where: { unitId },
        create: { unitId, issuerMark: '', numberPrefix: '', officeUnitId: null, ...data },
        update: data,
      });
      await recordAudit(tx, ctx, {
        ...audit,
        detail: {
          fields: Object.keys(data)
            .filter((k) => k !== 'updatedAt')
            .sort(),
          before: {
            issuerMark: before.issuerMark,
            numberPrefix: before.numberPrefix,
            officeUnitId: before.officeUnitId,
          },
        },
      });
    }),
  );
}
