// Closed minutes → proposed supervision tasks. Decision items give their fields as the minute-taker confirmed them;
// plain numbered items elsewhere in the body go through the extractor. Names are matched to the directory (unit
// names, short names and aliases; people by their unique display name). Pure: ProseMirror JSON in, drafts out.
import { createHash } from 'node:crypto';
import { decisionAttrsOf, type DecisionPerson, type DecisionUnit } from '../../../common/schema/decisionItem.ts';
import type { IsoDate } from '../../../common/calendar/isoDate.ts';
import { extractTasks } from '../../../common/minutes/minutesExtractor.ts';
import { summarizeTitle } from '../../../common/minutes/titleSummarizer.ts';
import { CONFIDENCE_FIELDS, type FieldConfidence } from '../../../common/minutes/types.ts';

export interface DirectoryUnit {
  id: string;
  name: string;
  shortName: string | null;
  aliases: readonly string[];
}
export interface DirectoryUser {
  id: string;
  displayName: string;
}

export interface Directory {
  units: readonly DirectoryUnit[];
  users: readonly DirectoryUser[];
}

/** Where a proposal came from: a decision item, the extractor, a supervisor by hand, a split or a merge. */
export const PROPOSAL_ORIGINS = ['decision', 'extracted', 'manual', 'split', 'merged'] as const;
export type ProposalOrigin = (typeof PROPOSAL_ORIGINS)[number];

/** pending until a supervisor confirms it into a task, drops it, splits it or merges it into another. */
export const PROPOSAL_STATUSES = ['pending', 'confirmed', 'dropped', 'split', 'merged'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** What a proposal says: the task's title and source text, who does it, by when, and whether to look twice. */
export interface ProposalContent extends MatchedParties {
  title: string;
  sourceText: string;
  due: IsoDate | null;
  needsReview: boolean;
}

/** A name the directory does not resolve is at most this sure: the supervisor picks the unit or person. */
const UNRESOLVED = 0.6;

/** Every field as sure as can be: what the minute-taker confirmed in a decision item. */
export const CERTAIN: FieldConfidence = Object.fromEntries(CONFIDENCE_FIELDS.map((f) => [f, 1])) as FieldConfidence;

/** The extractor's confidence, lowered for names the directory leaves without an id. */
export function draftConfidence(extracted: FieldConfidence, parties: MatchedParties): FieldConfidence {
  const cap = (field: keyof MatchedParties, list: ReadonlyArray<{ unitId?: string | null; userId?: string | null }>) =>
    list.some((x) => (x.unitId ?? x.userId ?? null) === null)
      ? Math.min(extracted[field], UNRESOLVED)
      : extracted[field];
  return {
    ...extracted,
    leadUnits: cap('leadUnits', parties.leadUnits),
    coUnits: cap('coUnits', parties.coUnits),
    owners: cap('owners', parties.owners),
    coOwners: cap('coOwners', parties.coOwners),
  };
}

export interface ProposalDraft extends ProposalContent {
  /** The extractor's confidence per field (all 1 for what the minute-taker confirmed). */
  confidence: FieldConfidence;
  /** decision:<id> or text:<hash>: what a later close matches on, so proposals are never made twice. */
  sourceKey: string;
  origin: Extract<ProposalOrigin, 'decision' | 'extracted'>;
  decisionId: string | null;
  /** Reading order in the minutes. */
  position: number;
}

interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
}

function textOf(node: JsonNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join('');
}

export interface DirectoryIndex {
  unitId(name: string): string | null;
  userId(name: string): string | null;
}

export function indexDirectory(directory: Directory): DirectoryIndex {
  const units = new Map<string, string | null>();
  const add = (name: string | null, id: string) => {
    const key = name?.trim();
    if (!key) return;
    // A name two units answer to identifies neither.
    units.set(key, units.has(key) && units.get(key) !== id ? null : id);
  };
  for (const u of directory.units) {
    add(u.name, u.id);
    add(u.shortName, u.id);
    for (const a of u.aliases) add(a, u.id);
  }
  const users = new Map<string, string | null>();
  for (const u of directory.users) users.set(u.displayName, users.has(u.displayName) ? null : u.id);
  return { unitId: (name) => units.get(name.trim()) ?? null, userId: (name) => users.get(name.trim()) ?? null };
}

const units = (names: readonly string[], index: DirectoryIndex): DecisionUnit[] =>
  names.map((name) => ({ unitId: index.unitId(name), name }));
const people = (names: readonly string[], index: DirectoryIndex): DecisionPerson[] =>
  names.map((name) => ({ userId: index.userId(name), name }));

export interface MatchedParties {
  leadUnits: DecisionUnit[];
  coUnits: DecisionUnit[];
  owners: DecisionPerson[];
  coOwners: DecisionPerson[];
}

/** The extractor's names with their directory ids (null when a name matches no entry, or more than one). */
export function matchParties(
  task: {
    leadUnits: readonly string[];
    coUnits: readonly string[];
    owners: readonly string[];
    coOwners: readonly string[];
  },
  index: DirectoryIndex,
): MatchedParties {
  return {
    leadUnits: units(task.leadUnits, index),
    coUnits: units(task.coUnits, index),
    owners: people(task.owners, index),
    coOwners: people(task.coOwners, index),
  };
}

/** The directory as the extractor's lexicon takes it. */
export function knownUnitsOf(directory: Directory): Array<{ name: string; aliases: string[] }> {
  return directory.units.map((u) => ({ name: u.name, aliases: [u.shortName ?? '', ...u.aliases].filter(Boolean) }));
}

/** The directory's people as the extractor takes them (recognised before any pattern). */
export function knownPeopleOf(directory: Directory): Array<{ name: string }> {
  return directory.users.map((u) => ({ name: u.displayName }));
}

/** Fills in directory ids the minute-taker left open (a name typed rather than picked). */
function resolveUnits(list: DecisionUnit[], index: DirectoryIndex): DecisionUnit[] {
  return list.map((u) => ({ name: u.name, unitId: u.unitId ?? index.unitId(u.name) }));
}
function resolvePeople(list: DecisionPerson[], index: DirectoryIndex): DecisionPerson[] {
  return list.map((p) => ({ name: p.name, userId: p.userId ?? index.userId(p.name) }));
}

export function textKey(sourceText: string): string {
  return `text:${createHash('sha256').update(sourceText.replace(/\s+/g, '')).digest('hex').slice(0, 32)}`;
}

const hasLead = (leads: DecisionUnit[]) => leads.length > 0 && leads.every((u) => u.unitId !== null);

/** Where the plain text of the minutes comes from: the body blocks, never the header table or a decision item. */
interface Line {
  position: number;
  start: number;
  text: string;
}

export function proposalsFromMinutes(doc: JsonNode, meetingDate: IsoDate, directory: Directory): ProposalDraft[] {
  const index = indexDirectory(directory);
  const knownUnits = knownUnitsOf(directory);
  const knownPeople = knownPeopleOf(directory);
  const drafts: ProposalDraft[] = [];
  const lines: Line[] = [];
  let offset = 0;
  let position = 0;
  const seenDecisions = new Set<string>();

  const walk = (nodes: JsonNode[] | undefined) => {
    for (const n of nodes ?? []) {
      position += 1;
      if (n.type === 'table') continue;
      if (n.type === 'decisionItem') {
        const a = decisionAttrsOf(n.attrs);
        const sourceText = textOf(n).trim();
        // Ids are made unique at finalisation; an item without one (never finalised) cannot anchor a task.
        if (!a.id || seenDecisions.has(a.id) || !sourceText) continue;
        seenDecisions.add(a.id);
        const extracted = extractTasks(sourceText, { meetingDate, units: knownUnits, people: knownPeople })[0];
        const untouched =
          !a.confirmed &&
          a.leadUnits.length + a.coUnits.length + a.owners.length + a.coOwners.length === 0 &&
          a.due === null;
        const fields =
          untouched && extracted
            ? { ...matchParties(extracted, index), due: extracted.due }
            : {
                leadUnits: resolveUnits(a.leadUnits, index),
                coUnits: resolveUnits(a.coUnits, index),
                owners: resolvePeople(a.owners, index),
                coOwners: resolvePeople(a.coOwners, index),
                due: a.due,
              };
        const matched = untouched && extracted ? matchParties(extracted, index) : null;
        drafts.push({
          confidence: extracted && matched ? draftConfidence(extracted.confidence, matched) : CERTAIN,
          sourceKey: `decision:${a.id}`,
          origin: 'decision',
          decisionId: a.id,
          position,
          title: extracted?.title ?? summarizeTitle(sourceText, []),
          sourceText,
          ...fields,
          needsReview:
            !a.confirmed ||
            !hasLead(fields.leadUnits) ||
            (fields.due === null && !a.noDeadline) ||
            fields.leadUnits.length > 1,
        });
        continue;
      }
      if (n.type === 'bulletList' || n.type === 'orderedList' || n.type === 'listItem' || n.type === 'blockquote') {
        walk(n.content);
        continue;
      }
      const text = textOf(n);
      lines.push({ position, start: offset, text });
      offset += text.length + 1;
    }
  };
  walk(doc.content);

  const body = lines.map((l) => l.text).join('\n');
  const keys = new Set<string>();
  for (const task of extractTasks(body, { meetingDate, units: knownUnits, people: knownPeople })) {
    const line = [...lines].reverse().find((l) => l.start <= task.start) ?? lines[0];
    let key = textKey(task.sourceText);
    // The same sentence twice in the minutes is two proposals; the second keeps a stable key of its own.
    for (let n = 2; keys.has(key); n++) key = `${textKey(task.sourceText)}#${n}`;
    keys.add(key);
    const parties = matchParties(task, index);
    drafts.push({
      confidence: draftConfidence(task.confidence, parties),
      sourceKey: key,
      origin: 'extracted',
      decisionId: null,
      position: line?.position ?? position,
      title: task.title,
      sourceText: task.sourceText.trim(),
      ...parties,
      due: task.due,
      needsReview: task.needsReview || !hasLead(parties.leadUnits) || parties.leadUnits.length > 1,
    });
  }
  return drafts.sort((a, b) => a.position - b.position);
}

/** Decision ids to give fresh values at finalisation: missing, malformed or repeated (a split or pasted item). */
export function decisionIdsToRenew(doc: JsonNode): number[] {
  const seen = new Set<string>();
  const renew: number[] = [];
  let i = 0;
  const walk = (nodes: JsonNode[] | undefined) => {
    for (const n of nodes ?? []) {
      if (n.type === 'decisionItem') {
        const { id } = decisionAttrsOf(n.attrs);
        if (!id || seen.has(id)) renew.push(i);
        else seen.add(id);
        i += 1;
      }
      walk(n.content);
    }
  };
  walk(doc.content);
  return renew;
}
