// Following a 公文 up: who may urge its handlers (催办) and who sees its 查阅留痕 (who read and downloaded it). Its
// timeline of steps is read by everyone who reads the 公文; reads and downloads by its drafter and the issuing office.
import type { Subject } from '../auth/subject.ts';
import { canViewOfficialDoc, isOfficeOf, officialDocRoles, type OfficialDocResource } from './officialDocs.ts';

type Rule = (s: Subject, r: { kind: string }) => boolean;
const onDoc =
  (rule: (s: Subject, d: OfficialDocResource) => boolean): Rule =>
  (s, r) =>
    r.kind === 'officialDoc' && rule(s, r as OfficialDocResource);

const URGERS: readonly string[] = ['drafter', 'sender', 'office'];

/** Whether the 公文 waits for someone now: only then is there anyone to urge. */
export function awaitsHandlers(r: OfficialDocResource): boolean {
  return r.facts.route.status === 'in_route';
}

/** Trail actions, mounted in the RULES of index.ts. */
export const officialDocTrailRules = {
  /** 催办: the drafter, whoever sent it to the current step, or the issuing office, while it is in its route. */
  'officialDoc.urge': onDoc(
    (s, d) => awaitsHandlers(d) && officialDocRoles(s, d).some((role) => URGERS.includes(role)),
  ),
  /** 查阅留痕: its drafter and the issuing office (not only the audit administrator). */
  'officialDoc.readAccessLog': onDoc(
    (s, d) =>
      canViewOfficialDoc(s, d.facts, d.actingFor) &&
      (d.facts.drafterId === s.id || isOfficeOf(s, d.facts.officeUnitId)),
  ),
};
