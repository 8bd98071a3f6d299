// Finds who leads and who assists in one decision item: labelled fields (责任单位：…), cue words
// around names (由…牵头, 请…, …配合, 会同…, 在…指导下) and, failing those, the subject of a sentence
// ("区财政局要于…"). Units and people are kept apart; people keep their names only.

import { readActorSpan, scanActors, type Actor } from './actorReader.ts';
import { CO_OWNER_LABELS, CO_UNIT_LABELS, DEADLINE_LABELS, FIELD_LABEL_SOURCE, LEAD_UNIT_LABELS, OWNER_LABELS } from './fieldLabels.ts';
import { readPerson } from './personNames.ts';
import type { UnitLexicon } from './unitNames.ts';

export type Role = 'lead' | 'co';

export interface RoleSet {
  leadUnits: string[];
  coUnits: string[];
  owners: string[];
  coOwners: string[];
}

export interface RoleReading extends RoleSet {
  /** 'explicit': a label or cue word names the lead; 'subject': only a sentence subject does. */
  leadSource: 'explicit' | 'subject' | 'none';
  /** A 牵头/由/请/责任单位-style lead, as opposed to only "…负责" or a sentence subject. */
  primaryLead: boolean;
  /** Any label or cue word assigned a role (lead or co). */
  hasRoleCue: boolean;
  /** Spans [start, end) of the text taken by role phrases; titles leave them out. */
  spans: Array<[number, number]>;
}

const BOUNDARY = /[，,。；;：:\n（(）)！!？?]/;
/** Words that open a clause before the actor ("会议要求，", "由", "请"); stripped before reading names. */
const PREAMBLE =
  /^(?:会议(?:研究)?(?:决定|要求|明确|强调|指出|同意|认为|议定|确定|提出|原则同意|责成|商定)?|原则同意|研究决定|要求|明确|决定|同意|确定|责成|安排|委托|交由|由|请|并|同时|另外|此外|其中|具体由|统一由|今后|下一步|对此|以上工作|上述工作|各项工作|该项工作|此项工作|该项|此项|均由|均)[，,：:\s]*/;

/**
 * 'primary' leads (牵头, 由…, 请…, 责任单位) outrank 'secondary' ones (…负责): in "由区发改委牵头，
 * 区财政局负责资金保障" the finance bureau has a part of the work, i.e. it assists.
 */
type Strength = 'primary' | 'secondary';

interface Cue {
  pattern: RegExp;
  role: Role;
  strength: Strength;
  /** Where the names are: before the cue word, after it, or both (A会同B: A leads, B assists). */
  slot: 'before' | 'after' | 'around';
}

const CUES: readonly Cue[] = [
  { pattern: /(?:作为|为)牵头单位|牵头负责|牵头抓总|牵头落实|牵头组织|牵头|负总责/y, role: 'lead', strength: 'primary', slot: 'before' },
  { pattern: /具体负责|负责落实|负责(?![人的任]|同志)/y, role: 'lead', strength: 'secondary', slot: 'before' },
  {
    pattern: /按(?:照)?职责分工(?:负责|落实|抓好落实)?|(?:作为|为)配合单位|(?:积极|全力|密切|主动)?(?:做好|予以)?配合|协助|协同|协办|参与|指导(?=[，,。；;\s]|$|下|把关|督促|支持|配合)|(?:给予|予以|提供)?[\u4e00-\u9fa5]{0,2}支持(?=[，,。；;]|$)/y,
    role: 'co',
    strength: 'primary',
    slot: 'before',
  },
  { pattern: /会同|联合(?=[区市县各])/y, role: 'co', strength: 'primary', slot: 'around' },
  {
    pattern: /(?<![理自缘经事])由(?![于此])|(?<![提申邀报呈恳敬聘])请(?![假示求教])|责成|交由/y,
    role: 'lead',
    strength: 'primary',
    slot: 'after',
  },
];

const LABEL = new RegExp(`(${FIELD_LABEL_SOURCE})\\s*[：:]\\s*`, 'g');
const LABEL_VALUE_END = new RegExp(`[；;。\\n）)】]|(?:[，,\\s]*(?:${FIELD_LABEL_SOURCE})\\s*[：:])`);
const GUIDED = /在([\u4e00-\u9fa5、（）()]{2,40}?)(?:的)?(?:指导|领导|支持|协助|配合)下/g;

function labelRole(label: string): 'lead' | 'co' | 'owner' | 'coOwner' | 'deadline' {
  if ((LEAD_UNIT_LABELS as readonly string[]).includes(label)) return 'lead';
  if ((CO_UNIT_LABELS as readonly string[]).includes(label)) return 'co';
  if ((OWNER_LABELS as readonly string[]).includes(label)) return 'owner';
  if ((CO_OWNER_LABELS as readonly string[]).includes(label)) return 'coOwner';
  if ((DEADLINE_LABELS as readonly string[]).includes(label)) return 'deadline';
  return 'deadline';
}

class RoleCollector {
  readonly lead: Actor[] = [];
  readonly secondaryLead: Actor[] = [];
  readonly co: Actor[] = [];
  readonly shared: Actor[] = []; // 按职责分工负责: co-units, or the leads when nobody else leads
  readonly subject: Actor[] = [];
  readonly spans: Array<[number, number]> = [];
  explicitLead = false;
  anyCue = false;

  add(role: Role, actors: Actor[], span: [number, number], strength: Strength = 'primary'): void {
    if (actors.length === 0) return;
    this.anyCue = true;
    this.spans.push(span);
    // In "责任单位：A（牵头）、B、C" the marked unit leads and the others assist, whatever the label.
    const marked = actors.filter((a) => a.leadMark);
    if (marked.length > 0) {
      this.explicitLead = true;
      this.lead.push(...marked);
      this.co.push(...actors.filter((a) => !a.leadMark));
    } else if (role === 'lead') {
      this.explicitLead = true;
      (strength === 'primary' ? this.lead : this.secondaryLead).push(...actors);
    } else {
      this.co.push(...actors);
    }
  }

  covered(at: number): boolean {
    return this.spans.some(([s, e]) => at >= s && at < e);
  }

  result(): RoleReading {
    const primaryUnits = this.lead.some((a) => a.kind === 'unit');
    // People keep their lead role; only units give way to a primary lead unit.
    let lead = [...this.lead, ...this.secondaryLead.filter((a) => a.kind === 'person' || !primaryUnits)];
    let co = [...this.co, ...this.secondaryLead.filter((a) => a.kind === 'unit' && primaryUnits)];
    if (lead.length === 0 && this.shared.length > 0) lead = this.shared;
    else co = [...co, ...this.shared];
    const leadSource = lead.length > 0 ? 'explicit' : this.subject.length > 0 ? 'subject' : 'none';
    if (lead.length === 0) lead = this.subject;
    const leadUnits = unique([...unitsOf(lead), ...officesOf(lead)]);
    const owners = unique(peopleOf(lead));
    const coUnits = unique([...unitsOf(co), ...officesOf(co)]).filter((u) => !leadUnits.includes(u));
    const coOwners = unique(peopleOf(co)).filter((p) => !owners.includes(p));
    return {
      leadUnits,
      coUnits,
      owners,
      coOwners,
      leadSource,
      primaryLead: this.lead.length > 0,
      hasRoleCue: this.anyCue,
      spans: this.spans,
    };
  }
}

const unique = (xs: string[]) => [...new Set(xs)];
const unitsOf = (actors: Actor[]) => actors.filter((a) => a.kind === 'unit').map((a) => a.name);
const peopleOf = (actors: Actor[]) => actors.filter((a) => a.kind === 'person').map((a) => a.name);
const officesOf = (actors: Actor[]) =>
  actors.flatMap((a) => (a.kind === 'person' && a.unit !== null ? [a.unit] : []));

function stripPreamble(span: string): string {
  let text = span;
  for (let prev = ''; prev !== text; ) {
    prev = text;
    text = text.replace(PREAMBLE, '');
  }
  return text;
}

function clauseStart(text: string, before: number, floor: number): number {
  let i = before;
  while (i > floor && !BOUNDARY.test(text[i - 1] ?? '')) i--;
  return i;
}

/** Actors filling the words before a cue, guessing the start of the names only when the clause has more. */
function actorsBefore(text: string, from: number, to: number, lexicon: UnitLexicon): Actor[] {
  const span = stripPreamble(text.slice(from, to));
  if (!span) return [];
  const whole = readActorSpan(span, lexicon);
  if (whole) return whole;
  for (let i = 1; i <= span.length - 2; i++) {
    const tail = readActorSpan(span.slice(i), lexicon, 'strict');
    if (tail) return tail;
  }
  return [];
}

function readLabels(text: string, lexicon: UnitLexicon, roles: RoleCollector): void {
  for (const m of text.matchAll(LABEL)) {
    const label = m[1] ?? '';
    const kind = labelRole(label);
    const valueStart = m.index + m[0].length;
    const stop = LABEL_VALUE_END.exec(text.slice(valueStart));
    const valueEnd = stop ? valueStart + stop.index : text.length;
    const value = text.slice(valueStart, valueEnd).trim();
    const span: [number, number] = [m.index, valueEnd];
    if (kind === 'deadline') {
      roles.spans.push(span);
      continue;
    }
    if (kind === 'owner' || kind === 'coOwner') {
      const people = value.split(/[、，,]/).flatMap((p) => {
        const person = readPerson(p.trim(), lexicon, true);
        return person ? [{ kind: 'person' as const, name: person.name, unit: person.unit, leadMark: false }] : [];
      });
      roles.add(kind === 'owner' ? 'lead' : 'co', people, span);
      continue;
    }
    const actors = readActorSpan(value, lexicon) ?? scanActors(value, 0, lexicon, { commaLists: true }).actors;
    roles.add(kind, actors, span);
  }
}

/** Reads the roles assigned in one item's text. */
export function readRoles(text: string, lexicon: UnitLexicon): RoleReading {
  const roles = new RoleCollector();
  readLabels(text, lexicon, roles);

  for (const m of text.matchAll(GUIDED)) {
    const actors = readActorSpan(m[1] ?? '', lexicon);
    if (actors) roles.add('co', actors, [m.index, m.index + m[0].length]);
  }

  let lastCueEnd = 0;
  for (let at = 0; at < text.length; at++) {
    if (roles.covered(at)) continue;
    for (const cue of CUES) {
      cue.pattern.lastIndex = at;
      const m = cue.pattern.exec(text);
      if (!m) continue;
      const cueEnd = at + m[0].length;
      const from = clauseStart(text, at, lastCueEnd);
      const isShared = /^按(?:照)?职责分工/.test(m[0]);
      if (cue.slot === 'before' || cue.slot === 'around') {
        const actors = actorsBefore(text, from, at, lexicon);
        const role = cue.slot === 'around' ? 'lead' : cue.role;
        if (isShared && actors.length > 0) {
          roles.shared.push(...actors);
          roles.anyCue = true;
          roles.spans.push([from, cueEnd]);
        } else roles.add(role, actors, [from, cueEnd], cue.strength);
      }
      if (cue.slot === 'after' || cue.slot === 'around') {
        // 请 and 由 open a clause; inside one they are ordinary words (提请, 申请 are excluded above).
        if (cue.slot === 'after' && stripPreamble(text.slice(from, at)) !== '') continue;
        const { actors, end } = scanActors(text, cueEnd, lexicon);
        roles.add(cue.role, actors, [from, end], cue.strength);
      }
      lastCueEnd = cueEnd;
      at = cueEnd - 1;
      break;
    }
  }

  if (!roles.explicitLead && roles.shared.length === 0) readSubjects(text, lexicon, roles);
  return roles.result();
}

/** "区财政局要于12月底前…": a specific actor opening a clause is the lead when no cue names one. */
function readSubjects(text: string, lexicon: UnitLexicon, roles: RoleCollector): void {
  for (let at = 0; at < text.length; at++) {
    if (at > 0 && !BOUNDARY.test(text[at - 1] ?? '')) continue;
    const clause = text.slice(at);
    const stripped = stripPreamble(clause);
    const start = at + clause.length - stripped.length;
    if (roles.covered(start)) continue;
    const { actors, end } = scanActors(text, start, lexicon, { tier: 'strict' });
    if (actors.length === 0 || /^(?:的|关于|提出|汇报|报告|呈报|反映)/.test(text.slice(end))) continue;
    roles.subject.push(...actors);
    roles.spans.push([start, end]);
  }
}
