// Electronic seals: the issuing unit's office (办公室) registers its unit's seals and names who may use each; only a
// named holder uses a seal, and a retired seal seals nothing. Anyone signed in may check a sealed PDF.
import type { Subject } from '../auth/subject.ts';
import { isOfficeOf } from './officialDocs.ts';
import { business } from './predicates.ts';

/** A seal as the rules see it. */
export interface SealResource {
  kind: 'seal';
  unitId: string;
  /** The office that manages the unit's seals (the unit itself when it has none). */
  officeUnitId: string;
  holderIds: readonly string[];
  retired: boolean;
}

/** A unit whose seals are being registered or listed. */
export interface SealUnitResource {
  kind: 'sealUnit';
  unitId: string;
  officeUnitId: string;
}

type SealsResource = SealResource | SealUnitResource | { kind: string };

export const sealRules = {
  'seal.manage': (s: Subject, r: SealsResource) =>
    (r.kind === 'seal' || r.kind === 'sealUnit') && isOfficeOf(s, (r as SealUnitResource).officeUnitId),
  'seal.use': (s: Subject, r: SealsResource) =>
    r.kind === 'seal' && business(s) && !(r as SealResource).retired && (r as SealResource).holderIds.includes(s.id),
  'seal.verify': () => true,
};
