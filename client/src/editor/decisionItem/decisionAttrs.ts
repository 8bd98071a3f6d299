// The fields of a decision item (the `decisionItem` node of the minutes, see common/schema) as the client reads and
// writes them, and how an extractor proposal becomes them: names matched to the unit directory and to people the
// directory knows, exactly as written otherwise (unitId / userId null). No runtime imports: supervision pages use it too.
import type { DecisionPerson, DecisionUnit } from '../../../../common/schema/decisionItem.ts';
import type { ExtractedTask } from '../../../../common/minutes/types.ts';

export type UnitRef = DecisionUnit;
export type PersonRef = DecisionPerson;

export interface DecisionFields {
  leadUnits: UnitRef[];
  coUnits: UnitRef[];
  owners: PersonRef[];
  coOwners: PersonRef[];
  /** YYYY-MM-DD, or null when no date is set. */
  due: string | null;
  /** "期限待定": the minutes name no deadline; someone must set one later. */
  noDeadline: boolean;
}

export interface DecisionAttrs extends DecisionFields {
  id: string;
  /** The minute-taker accepted or corrected the fields (a proposal not yet looked at is false). */
  confirmed: boolean;
}

/** A unit of the directory as the matcher needs it (the API's Unit has these and more). */
export interface DirectoryUnit {
  id: string;
  name: string;
  shortName: string | null;
  aliases: readonly string[];
}

export const EMPTY_FIELDS: DecisionFields = {
  leadUnits: [],
  coUnits: [],
  owners: [],
  coOwners: [],
  due: null,
  noDeadline: false,
};

/** Every name a unit goes by, in the directory's own spelling. */
function namesOf(unit: DirectoryUnit): string[] {
  return [unit.name, ...(unit.shortName ? [unit.shortName] : []), ...unit.aliases].map((n) => n.trim()).filter(Boolean);
}

/** "发改委" and "区发改委" are the same unit in a district's minutes. */
const LEVEL_PREFIX = /^(?:区|市|县)/;

/**
 * The directory unit a written name means: an exact name, short name or alias first, then the same name with or without
 * the district prefix. Ambiguous prefix matches (two units) match none: a wrong unit is worse than an unmatched one.
 */
export function matchUnit(name: string, units: readonly DirectoryUnit[]): DirectoryUnit | null {
  const wanted = name.trim();
  if (!wanted) return null;
  const exact = units.find((u) => namesOf(u).includes(wanted));
  if (exact) return exact;
  const bare = wanted.replace(LEVEL_PREFIX, '');
  const loose = units.filter((u) => namesOf(u).some((n) => n.replace(LEVEL_PREFIX, '') === bare));
  return loose.length === 1 ? (loose[0] ?? null) : null;
}

export function unitRef(name: string, units: readonly DirectoryUnit[]): UnitRef {
  return { unitId: matchUnit(name, units)?.id ?? null, name: name.trim() };
}

/** People by name: only a name the directory holds exactly once gets an id (two 张伟 must be told apart by hand). */
export type PeopleIndex = ReadonlyMap<string, string | null>;

export function personRef(name: string, people: PeopleIndex): PersonRef {
  return { userId: people.get(name.trim()) ?? null, name: name.trim() };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The fields an extractor proposal stands for. A proposal without a date says "期限待定" rather than nothing. */
export function fieldsFromTask(
  task: Pick<ExtractedTask, 'leadUnits' | 'coUnits' | 'owners' | 'coOwners' | 'due'>,
  units: readonly DirectoryUnit[],
  people: PeopleIndex,
): DecisionFields {
  const unitKey = (r: UnitRef) => r.unitId ?? `name:${r.name}`;
  const personKey = (r: PersonRef) => r.userId ?? `name:${r.name}`;
  const leadUnits = uniqueBy(
    task.leadUnits.map((n) => unitRef(n, units)),
    unitKey,
  );
  const leadKeys = new Set(leadUnits.map(unitKey));
  const owners = uniqueBy(
    task.owners.map((n) => personRef(n, people)),
    personKey,
  );
  const ownerKeys = new Set(owners.map(personKey));
  return {
    leadUnits,
    // A unit that leads is not also its own co-unit, however the sentence put it.
    coUnits: uniqueBy(
      task.coUnits.map((n) => unitRef(n, units)),
      unitKey,
    ).filter((r) => !leadKeys.has(unitKey(r))),
    owners,
    coOwners: uniqueBy(
      task.coOwners.map((n) => personRef(n, people)),
      personKey,
    ).filter((r) => !ownerKeys.has(personKey(r))),
    due: task.due,
    noDeadline: task.due === null,
  };
}

/** What a decision item still lacks before it can become a task: a lead (unit or person) and a deadline. */
export function missingFields(fields: DecisionFields): Array<'lead' | 'due'> {
  const missing: Array<'lead' | 'due'> = [];
  if (fields.leadUnits.length + fields.owners.length === 0) missing.push('lead');
  if (fields.due === null) missing.push('due');
  return missing;
}

export function sameFields(a: DecisionFields, b: DecisionFields): boolean {
  const key = (f: DecisionFields) =>
    JSON.stringify([f.leadUnits, f.coUnits, f.owners, f.coOwners, f.due, f.noDeadline]);
  return key(a) === key(b);
}

export function decisionAnchor(id: string): string {
  return `decision-${id}`;
}
