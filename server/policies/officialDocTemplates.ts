// 公文 templates (公文模板): a unit's templates are kept by its office (办公室) and used by the unit's people to draft.
import type { Subject } from '../auth/subject.ts';
import { isOfficeOf } from './officialDocs.ts';
import { business } from './predicates.ts';

/** A unit's templates (one of them, or the whole set): the unit and the office that keeps them. */
export interface OfficialDocTemplateResource {
  kind: 'officialDocTemplate';
  unitId: string;
  officeUnitId: string;
}

export function templateResource(unitId: string, officeUnitId: string): OfficialDocTemplateResource {
  return { kind: 'officialDocTemplate', unitId, officeUnitId };
}

type Rule = (s: Subject, r: { kind: string }) => boolean;
const onTemplates =
  (rule: (s: Subject, t: OfficialDocTemplateResource) => boolean): Rule =>
  (s, r) =>
    r.kind === 'officialDocTemplate' && rule(s, r as OfficialDocTemplateResource);

/** Template actions, mounted in the RULES of index.ts. */
export const officialDocTemplateRules = {
  /** See and draft from a unit's templates: its own people and its office. */
  'officialDocTemplate.use': onTemplates(
    (s, t) => business(s) && (s.unitId === t.unitId || isOfficeOf(s, t.officeUnitId)),
  ),
  /** Write, change and remove them: the unit's office. */
  'officialDocTemplate.manage': onTemplates((s, t) => isOfficeOf(s, t.officeUnitId)),
};
