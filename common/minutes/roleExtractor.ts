// Finds who leads and who assists in one decision item: labelled fields (责任单位：…), cue words
// around names (由…牵头, 请…, …配合, 会同…, 在…指导下) and, failing those, the subject of a sentence
// ("区财政局要于…"). Units and people are kept apart; people keep their names only.

import { readActorSpan, scanActors, type Actor } from './actorReader.ts';
import { CO_OWNER_LABELS, CO_UNIT_LABELS, FIELD_LABEL_SOURCE, LEAD_UNIT_LABELS, OWNER_LABELS } from './fieldLabels.ts';
import { readPerson } from './personNames.ts';
import {
  CLAUSE_BOUNDARY,
  CUES,
  IMPERATIVE_START,
  LEADER_OF_UNIT,
  MENTION_AFTER,
  PREAMBLE,
  SHARED_DUTY,
  SUPPORT_ACTION,
  type Role,
  type Strength,
} from './roleCues.ts';
import type { UnitLexicon } from './unitNames.ts';

export interface RoleSet {
  leadUnits: string[];
  coUnits: string[];
  owners: string[];
  coOwners: string[];
}

export interface RoleReading extends RoleSet {
  /** 'explicit': a label or cue word names the lead; 'subject': only a sentence subject does. */
  leadSource: 'explicit' | 'subject' | 'none';
  /** A 牵头/责任单位-style lead, as opposed to 由…/请…/…负责 or a sentence subject. */
  primaryLead: boolean;
  /** The only leads named back others up (做好资金保障); such a clause never starts a task. */
  supportOnly: boolean;
  /** Any label or cue word assigned a role (lead or co). */
  hasRoleCue: boolean;
  /** Spans [start, end) of the text taken by role phrases and labelled fields; titles leave them out. */
  spans: Array<[number, number]>;
}

type LeadKind = Strength | 'support';

// "责任人：杨帆" and "责任人为杨帆" alike.
const LABEL = new RegExp(`(${FIELD_LABEL_SOURCE})\\s*(?:[：:]|为(?=[\\u4e00-\\u9fa5]))\\s*`, 'g');
const GUIDED = /在([\u4e00-\u9fa5、（）()]{2,40}?)(?:的)?(?:指导|领导|支持|协助|配合)下/g;

const unique = (xs: string[]) => [...new Set(xs)];
const units = (actors: Actor[]) => actors.filter((a) => a.kind === 'unit').map((a) => a.name);
const people = (actors: Actor[]) => actors.filter((a) => a.kind === 'person').map((a) => a.name);
/** A person's unit written in front of them counts as a unit in the same role ("people's offices"). */
const offices = (actors: Actor[]) => actors.flatMap((a) => (a.kind === 'person' && a.unit !== null ? [a.unit] : []));

class RoleCollector {
  private readonly leads: Array<{ actor: Actor; kind: LeadKind }> = [];
  private readonly co: Actor[] = [];
  readonly shared: Actor[] = [];
  readonly subject: Actor[] = [];
  /** Every subject clause only backs others up ("区财政局要做好资金保障"). */
  subjectSupport = true;
  readonly spans: Array<[number, number]> = [];
  private anyCue = false;

  add(role: Role, actors: Actor[], span: [number, number], kind: LeadKind = 'primary'): void {
    if (actors.length === 0) return;
    this.anyCue = true;
    this.spans.push(span);
    // In "责任单位：A（牵头）、B、C" the marked unit leads and the others assist, whatever the label.
    const marked = actors.filter((a) => a.leadMark);
    if (marked.length > 0) {
      this.leads.push(...marked.map((actor) => ({ actor, kind: 'primary' as const })));
      this.co.push(...actors.filter((a) => !a.leadMark));
    } else if (role === 'lead') {
      this.leads.push(...actors.map((actor) => ({ actor, kind })));
    } else {
      this.co.push(...actors);
    }
  }

  addShared(actors: Actor[], span: [number, number]): void {
    if (actors.length === 0) return;
    this.anyCue = true;
    this.shared.push(...actors);
    this.spans.push(span);
  }

  hasLead(): boolean {
    return this.leads.length > 0 || this.shared.length > 0;
  }

  /** Only people lead so far ("郑涛同志为第一责任人"): a subject unit may still name the lead unit. */
  hasLeadUnit(): boolean {
    return (
      this.shared.length > 0 ||
      this.leads.some((l) => l.actor.kind === 'unit' || (l.actor.kind === 'person' && l.actor.unit !== null))
    );
  }

  covered(at: number): boolean {
    return this.spans.some(([s, e]) => at >= s && at < e);
  }

  result(): RoleReading {
    const of = (kind: LeadKind) => this.leads.filter((l) => l.kind === kind).map((l) => l.actor);
    const primary = of('primary');
    const plain = of('plain');
    const support = of('support');
    const primaryUnits = primary.some((a) => a.kind === 'unit');
    let lead = [...primary, ...plain.filter((a) => a.kind === 'person' || !primaryUnits)];
    let co = [...this.co, ...plain.filter((a) => a.kind === 'unit' && primaryUnits)];
    if (lead.length > 0) co = [...co, ...support, ...this.shared];
    else if (support.length > 0) lead = [...support, ...this.shared];
    else lead = [...this.shared];
    const leadSource = lead.length > 0 ? 'explicit' : this.subject.length > 0 ? 'subject' : 'none';
    if (lead.length === 0) lead = [...this.subject];
    else if (!lead.some((a) => a.kind === 'unit')) lead = [...lead, ...this.subject.filter((a) => a.kind === 'unit')];
    const leadUnits = unique([...units(lead), ...offices(lead)]);
    const owners = unique(people(lead));
    return {
      leadUnits,
      coUnits: unique([...units(co), ...offices(co)]).filter((u) => !leadUnits.includes(u)),
      owners,
      coOwners: unique(people(co)).filter((p) => !owners.includes(p)),
      leadSource,
      primaryLead: primary.length > 0,
      supportOnly:
        primary.length + plain.length === 0 &&
        (support.length > 0 || (leadSource === 'subject' && this.subject.length > 0 && this.subjectSupport)),
      hasRoleCue: this.anyCue,
      spans: this.spans,
    };
  }
}

function stripPreamble(span: string): string {
  let text = span;
  for (let prev = ''; prev !== text;) {
    prev = text;
    text = text.replace(PREAMBLE, '');
  }
  return text;
}

function clauseStart(text: string, before: number, floor: number): number {
  let i = before;
  while (i > floor) {
    const ch = text[i - 1] ?? '';
    // A short bracketed part of a name ("各镇（街道）") does not end the clause.
    const inner =
      ch === '）' || ch === ')' ? /[（(][\u4e00-\u9fa5]{1,6}[）)]$/.exec(text.slice(Math.max(floor, i - 8), i)) : null;
    if (inner) i -= inner[0].length;
    else if (CLAUSE_BOUNDARY.test(ch)) break;
    else i--;
  }
  return i;
}

function clauseEnd(text: string, from: number): number {
  const rest = text.slice(from).search(/[，,。；;！!？?\n]/);
  return rest < 0 ? text.length : from + rest;
}

/** Actors filling the words before a cue, guessing where the names start only if the clause has more. */
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

/** Where a labelled value ends: at ；。 or a closing bracket it did not open, or at the next label. */
function labelValueEnd(text: string, from: number): number {
  LABEL.lastIndex = from;
  const nextLabel = LABEL.exec(text);
  LABEL.lastIndex = 0;
  const limit = nextLabel ? nextLabel.index : text.length;
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const ch = text[i] ?? '';
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (/[；;。\n】]/.test(ch) && depth === 0) return i;
  }
  let end = limit;
  while (end > from && /[，,\s]/.test(text[end - 1] ?? '')) end--;
  return end;
}

function labelKind(label: string): 'lead' | 'co' | 'owner' | 'coOwner' | 'deadline' {
  const has = (labels: readonly string[]) => labels.includes(label);
  if (has(LEAD_UNIT_LABELS)) return 'lead';
  if (has(CO_UNIT_LABELS)) return 'co';
  if (has(OWNER_LABELS)) return 'owner';
  if (has(CO_OWNER_LABELS)) return 'coOwner';
  return 'deadline';
}

/** Labels that name the one who leads; beside one of them, 责任单位 lists the units that take part. */
const PRIMARY_LEAD_LABEL = /^(?:牵头单位|牵头部门|牵头科室|牵头处室|主责单位)$/;

function readLabels(text: string, lexicon: UnitLexicon, roles: RoleCollector): void {
  const labels = [...text.matchAll(LABEL)];
  const hasPrimary = labels.some((m) => PRIMARY_LEAD_LABEL.test(m[1] ?? ''));
  for (const m of labels) {
    const label = m[1] ?? '';
    const plainKind = labelKind(label);
    const kind = hasPrimary && plainKind === 'lead' && !PRIMARY_LEAD_LABEL.test(label) ? 'co' : plainKind;
    const valueStart = m.index + m[0].length;
    const valueEnd = labelValueEnd(text, valueStart);
    const value = text.slice(valueStart, valueEnd).trim();
    const span: [number, number] = [m.index, valueEnd];
    if (kind === 'deadline') {
      roles.spans.push(span);
    } else if (kind === 'owner' || kind === 'coOwner') {
      const named = value.split(/[、，,]/).flatMap((p): Actor[] => {
        const person = readPerson(p.trim(), lexicon, true);
        return person ? [{ kind: 'person', name: person.name, unit: person.unit, leadMark: false }] : [];
      });
      roles.add(kind === 'owner' ? 'lead' : 'co', named, span);
    } else {
      const actors = readActorSpan(value, lexicon) ?? scanActors(value, 0, lexicon, { commaLists: true }).actors;
      roles.add(kind, actors, span);
    }
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
  readCues(text, lexicon, roles);
  if (!roles.hasLeadUnit()) readSubjects(text, lexicon, roles);
  return roles.result();
}

function readCues(text: string, lexicon: UnitLexicon, roles: RoleCollector): void {
  let lastCueEnd = 0;
  for (let at = 0; at < text.length; at++) {
    if (roles.covered(at)) continue;
    for (const cue of CUES) {
      cue.pattern.lastIndex = at;
      const m = cue.pattern.exec(text);
      if (!m) continue;
      const cueEnd = at + m[0].length;
      const from = clauseStart(text, at, lastCueEnd);
      // 请 and 由 open a clause; after other words they are not cues ("资金由区财政局统筹" reports).
      if (cue.slot === 'after' && stripPreamble(text.slice(from, at)) !== '') continue;
      // "县自然资源局要加强技术指导": the subject's own work, not help to someone else's.
      if (cue.role === 'co' && /指导|支持/.test(m[0]) && /(?:要|需|应|务必|必须)/.test(text.slice(from, at))) continue;
      if (cue.slot === 'before' || cue.slot === 'around') {
        const actors = actorsBefore(text, from, at, lexicon);
        if (SHARED_DUTY.test(m[0])) roles.addShared(actors, [from, cueEnd]);
        else if (cue.slot === 'around') roles.add('lead', actors, [from, cueEnd], 'plain');
        else roles.add(cue.role, actors, [from, cueEnd], leadKind(cue.strength, text, cueEnd));
      }
      if (cue.slot === 'after' || cue.slot === 'around') {
        const { actors, end } = scanActors(text, cueEnd, lexicon);
        roles.add(cue.role, actors, [from, end], leadKind(cue.strength, text, end));
      }
      lastCueEnd = cueEnd;
      at = cueEnd - 1;
      break;
    }
  }
}

function leadKind(strength: Strength, text: string, actionStart: number): LeadKind {
  if (strength === 'primary') return 'primary';
  const action = text.slice(actionStart, clauseEnd(text, actionStart)).trim();
  return SUPPORT_ACTION.test(action) ? 'support' : 'plain';
}

/** "区财政局要于12月底前…": a specific actor opening a clause and told to act leads when no cue names one. */
function readSubjects(text: string, lexicon: UnitLexicon, roles: RoleCollector): void {
  for (let at = 0; at < text.length; at++) {
    if (at > 0 && !CLAUSE_BOUNDARY.test(text[at - 1] ?? '')) continue;
    const clause = text.slice(at);
    const start = at + clause.length - stripPreamble(clause).length;
    if (roles.covered(start)) continue;
    const { actors, end } = scanActors(text, start, lexicon, { tier: 'strict' });
    if (actors.length === 0) continue;
    let rest = text.slice(end);
    if (MENTION_AFTER.test(rest)) continue;
    rest = rest.replace(LEADER_OF_UNIT, '');
    if (!IMPERATIVE_START.test(rest)) continue;
    const action = rest
      .slice(0, Math.max(0, clauseEnd(rest, 0)))
      .replace(/^(?:要|需|应|务必|必须|须|及时|全力|积极|主动|切实|认真)+/, '');
    if (!SUPPORT_ACTION.test(action)) roles.subjectSupport = false;
    roles.subject.push(...actors);
    roles.spans.push([start, end]);
  }
}
