// How sure the extractor is of each field it proposes, for the reviewer: an explicit label (责任单位：…)
// or a 牵头 cue, names found in the directory and absolute dates score high; a lead read only from a
// sentence's subject, a name the directory does not know, an estimated or missing date score low.

import type { DeadlineReading } from './deadlineResolver.ts';
import { isNameShape } from './personNames.ts';
import type { RoleSet } from './roleExtractor.ts';
import { TITLE_MAX } from './titleSummarizer.ts';
import type { FieldConfidence } from './types.ts';
import { isCollectiveUnit, isUnitName, type UnitLexicon } from './unitNames.ts';

export interface ConfidenceSignals {
  title: string;
  roles: RoleSet;
  /** How the lead was found: a label or 牵头-style cue, another cue (由/负责), a subject, or the parent item. */
  leadSource: 'primary' | 'explicit' | 'subject' | 'inherited' | 'none';
  /** The item's own deadline reading; null for a date inherited from the parent item. */
  deadline: DeadlineReading | null;
  due: string | null;
  estimated: boolean;
  lexicon: UnitLexicon;
}

const LEAD_BASE: Record<ConfidenceSignals['leadSource'], number> = {
  primary: 0.97,
  explicit: 0.9,
  inherited: 0.85,
  subject: 0.75,
  none: 0.3,
};

const round = (x: number) => Math.round(x * 100) / 100;

function unitScore(name: string, lexicon: UnitLexicon): number {
  if (lexicon.has(name)) return 1;
  if (isCollectiveUnit(name)) return 0.9;
  // With a directory, a specific name it does not know is either outside the organisation or misread.
  if (lexicon.names.length > 0) return 0.6;
  return isUnitName(name, 'strict', lexicon) ? 0.9 : 0.7;
}

function personScore(name: string, lexicon: UnitLexicon): number {
  if (lexicon.hasPerson(name)) return 1;
  if (lexicon.people.length > 0) return 0.6;
  return isNameShape(name) ? 0.85 : 0.65;
}

const worst = (scores: number[]) => (scores.length === 0 ? 1 : Math.min(...scores));

function dueScore(s: ConfidenceSignals): number {
  const matches = s.deadline?.matches ?? [];
  if (s.due === null) return s.deadline?.ongoing ? 0.85 : 0.4; // 长期坚持 says so; silence needs a date
  if (s.deadline === null) return 0.85; // the parent item's date
  if (s.estimated) return 0.65;
  const dated = matches.filter((m) => m.due !== null);
  const rule = dated.find((m) => m.due === s.due)?.rule ?? '';
  const base = /^(?:absolute day|dotted date)/.test(rule) ? 0.97 : 0.9;
  // Several dates in one item (a milestone, then the final one): the latest is taken, but look again.
  return dated.length > 1 ? base - 0.1 : base;
}

export function fieldConfidence(s: ConfidenceSignals): FieldConfidence {
  const { roles, lexicon } = s;
  const leads = [
    ...roles.leadUnits.map((u) => unitScore(u, lexicon)),
    ...roles.owners.map((p) => personScore(p, lexicon)),
  ];
  const hasLead = roles.leadUnits.length + roles.owners.length > 0;
  let lead = hasLead ? Math.min(LEAD_BASE[s.leadSource], worst(leads)) : LEAD_BASE.none;
  if (roles.leadUnits.length > 1) lead -= 0.05;
  return {
    title: round(s.title.length === 0 ? 0.3 : s.title.length >= TITLE_MAX ? 0.7 : 0.9),
    leadUnits: round(roles.leadUnits.length === 0 && roles.owners.length > 0 ? 0.9 : lead),
    coUnits: round(Math.min(0.95, worst(roles.coUnits.map((u) => unitScore(u, lexicon))))),
    owners: round(
      roles.owners.length === 0
        ? 0.95
        : Math.min(LEAD_BASE[s.leadSource], worst(roles.owners.map((p) => personScore(p, lexicon)))),
    ),
    coOwners: round(Math.min(0.95, worst(roles.coOwners.map((p) => personScore(p, lexicon))))),
    due: round(dueScore(s)),
  };
}
