// 公文 templates (公文模板) and route templates (流程模板): a unit's templates are kept by its office (办公室) and used
// by the unit's people, the one to draft a 公文 and the other to send it into its route (送审).
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
  /** See a unit's route templates and send its 公文 with one: the same people as its 公文 templates. */
  'officialDocRouteTemplate.use': onTemplates(
    (s, t) => business(s) && (s.unitId === t.unitId || isOfficeOf(s, t.officeUnitId)),
  ),
  /** Write, change and retire them: the unit's office. */
  'officialDocRouteTemplate.manage': onTemplates((s, t) => isOfficeOf(s, t.officeUnitId)),
};
