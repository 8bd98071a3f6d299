// How a unit issues 公文 (its UnitIssuingSetting) and its 发文登记簿, split by 三员分立: the 发文机关标志 and the 代字
// are the office's (办公室) business — they go on every document it numbers and prints — so only that office sets them;
// which unit is the office is organisation structure, which the system administrator keeps (as they keep units), who
// sets nothing that goes on a document and reads no document. The register lists the office's own numbers.
import type { Subject } from '../auth/subject.ts';
import { isOfficeOf, type IssuingUnitResource } from './officialDocs.ts';
import { isSystemAdmin } from './predicates.ts';

type Rule = (s: Subject, r: { kind: string }) => boolean;
const onIssuingUnit =
  (rule: (s: Subject, u: IssuingUnitResource) => boolean): Rule =>
  (s, r) =>
    r.kind === 'issuingUnit' && rule(s, r as IssuingUnitResource);

/** Issuing actions, mounted in the RULES of index.ts. */
export const issuingRules = {
  /** See a unit's issuing setting: its office, and the system administrator who assigns the office. */
  'issuing.view': onIssuingUnit((s, u) => isOfficeOf(s, u.officeUnitId) || isSystemAdmin(s)),
  /** Set the 发文机关标志 and the 代字: the unit's office. */
  'issuing.editMarks': onIssuingUnit((s, u) => isOfficeOf(s, u.officeUnitId)),
  /** Name the unit's 办公室 (the unit itself or one of its units): the system administrator. */
  'issuing.assignOffice': onIssuingUnit((s) => isSystemAdmin(s)),
  /** The 发文登记簿 (every 序号: used, reserved, void): the issuing unit's office. */
  'officialDoc.viewRegister': onIssuingUnit((s, u) => isOfficeOf(s, u.officeUnitId)),
};
