// The read rules of documents, minutes, meetings, materials, supervision tasks and 公文 as grant tokens, so the search
// index can apply them inside its query: each indexed object stores who may read it (tokens, each with the clearance
// it needs), each person carries the tokens they hold, and a hit needs one shared token. The oracle test holds every
// function here to the rule it restates (documents.ts, meetings.ts, minutes.ts, supervision.ts, officialDocs.ts).
import type { Subject } from '../auth/subject.ts';
import { isAnnotationContext, isMinutesContext } from '../domain/documents/annotationContexts.ts';
import type { DocumentFacts, ShareFacts } from './access.ts';
import type { OfficialDocFacts } from './officialDocs.ts';
import { business, handlesForUnit, isClerk, isLeader, isSupervisor } from './predicates.ts';
import type { Oversight, TaskFacts } from './supervision.ts';

/** Who may read an object: the holders of `token` cleared for `minClearance`. */
export interface Grant {
  token: string;
  minClearance: number;
}

/** A meeting with everyone's seats, as the meeting rules read it for any person. */
export interface MeetingForAll {
  status: string;
  organiserUnitId: string;
  classification: number;
  createdById: string;
  hostId: string | null;
  minuteTakerId: string | null;
  participantIds: readonly string[];
}

const user = (id: string) => `u:${id}`;
const unit = (id: string) => `unit:${id}`;
/** Clerks of a unit: they organise its meetings (meetings.ts organises). */
const clerkOf = (id: string) => `clerk:${id}`;
/** Clerks and leaders of a unit (handlesForUnit): the heads asked to coordinate on a task. */
const handlerOf = (id: string) => `handler:${id}`;
/** Leaders whose reach covers a unit (their own unit and every unit below it). */
const overseerOf = (id: string) => `oversee:${id}`;
/** Everyone the route of a 公文 named, and whoever acts for one of them now (代理). */
const namedOnRoute = (id: string) => `named:${id}`;
const SUPERVISOR = 'supervisor';

/** The tokens a person holds; administrators (三员分立) hold none and so find nothing. */
export function subjectTokens(subject: Subject, oversight: Oversight, principals: readonly string[]): string[] {
  if (!business(subject)) return [];
  const tokens = [user(subject.id), unit(subject.unitId), namedOnRoute(subject.id)];
  if (isClerk(subject)) tokens.push(clerkOf(subject.unitId));
  if (handlesForUnit(subject)) tokens.push(handlerOf(subject.unitId));
  if (isLeader(subject)) for (const u of oversight) tokens.push(overseerOf(u));
  if (isSupervisor(subject)) tokens.push(SUPERVISOR);
  for (const p of principals) tokens.push(namedOnRoute(p));
  return [...new Set(tokens)];
}

const grants = (tokens: Iterable<string>, minClearance: number): Grant[] =>
  [...new Set(tokens)].map((token) => ({ token, minClearance }));

/** manages || takesMinutes || seated (meetings.ts): the people at the table and those who run the meeting. */
function atTheTable(m: MeetingForAll): string[] {
  const tokens = [user(m.createdById), clerkOf(m.organiserUnitId)];
  if (m.hostId) tokens.push(user(m.hostId));
  if (m.minuteTakerId) tokens.push(user(m.minuteTakerId));
  if (m.status !== 'draft') tokens.push(...m.participantIds.map(user));
  return tokens;
}

/** meeting.view: those at the table, and the organising unit once the meeting is announced. */
export function meetingGrants(m: MeetingForAll): Grant[] {
  const tokens = atTheTable(m);
  if (m.status !== 'draft') tokens.push(unit(m.organiserUnitId));
  return grants(tokens, m.classification);
}

/** meeting.material.read: those at the table, not the organising unit. */
export function materialGrants(m: MeetingForAll): Grant[] {
  return grants(atTheTable(m), m.classification);
}

/**
 * document.view (documentAccess): owner, explicit shares, and the owning unit for ordinary documents; for minutes, the
 * minutes read rule on their meeting (which also needs clearance for the meeting) instead of the unit. Annotation
 * documents and deleted ones are read through their meeting or not at all: no grants.
 */
export function documentGrants(
  doc: DocumentFacts,
  shares: readonly ShareFacts[],
  meeting: MeetingForAll | null,
): Grant[] {
  if (doc.deletedAt || isAnnotationContext(doc.contextType)) return [];
  const tokens = [user(doc.ownerId)];
  for (const s of shares) tokens.push(s.granteeType === 'user' ? user(s.granteeId) : unit(s.granteeId));
  const own = grants(tokens, doc.classification);
  if (!isMinutesContext(doc.contextType))
    return mergeGrants([...own, ...grants([unit(doc.unitId)], doc.classification)]);
  if (!meeting) return own;
  const viaMeeting = grants(atTheTable(meeting), Math.max(doc.classification, meeting.classification));
  return mergeGrants([...own, ...viaMeeting]);
}

/** task.view (canViewTask): supervisors, and everyone with a part in the task. */
export function taskGrants(t: TaskFacts): Grant[] {
  const tokens = [SUPERVISOR, unit(t.leadUnitId), overseerOf(t.leadUnitId), user(t.createdById)];
  if (t.ownerId) tokens.push(user(t.ownerId));
  if (t.instructedById) tokens.push(user(t.instructedById));
  tokens.push(...t.coOwnerIds.map(user));
  for (const u of t.coUnitIds) tokens.push(unit(u), overseerOf(u));
  tokens.push(...t.coordinationUnitIds.map(handlerOf));
  return grants(tokens, t.classification);
}

/** officialDoc.view (canViewOfficialDoc): the drafter, the issuing unit and its office, everyone the route named. */
export function officialDocGrants(f: OfficialDocFacts): Grant[] {
  const tokens = [user(f.drafterId), unit(f.unitId), unit(f.officeUnitId)];
  const named = new Set<string>(f.formerHandlerIds);
  for (const step of f.route.steps) {
    for (const h of step.handlers) named.add(h.userId).add(h.actedBy ?? h.userId);
    if (step.state === 'active') for (const c of step.candidates ?? []) named.add(c);
  }
  for (const id of named) tokens.push(namedOnRoute(id));
  // Units it was distributed to (分发) read it through their clerks and the named receiver of a 函 (actsForRecipient).
  for (const r of recipientsOf(f)) {
    tokens.push(clerkOf(r.unitId));
    if (r.receiverId) tokens.push(user(r.receiverId));
  }
  return grants(tokens, f.classification);
}

/** The recipients in the facts, for facts that carry them (分发 adds them to OfficialDocFacts). */
function recipientsOf(f: OfficialDocFacts): ReadonlyArray<{ unitId: string; receiverId: string | null }> {
  const withRecipients = f as { recipients?: ReadonlyArray<{ unitId: string; receiverId: string | null }> };
  return withRecipients.recipients ?? [];
}

/** What a person searches with: their tokens and their clearance. */
export function searcher(
  subject: Subject,
  oversight: Oversight,
  principals: readonly string[],
): { tokens: string[]; clearance: number } {
  return { tokens: subjectTokens(subject, oversight, principals), clearance: subject.clearance };
}

/** One grant per token, with the least clearance any of its grants asks. */
function mergeGrants(list: readonly Grant[]): Grant[] {
  const least = new Map<string, number>();
  for (const g of list) least.set(g.token, Math.min(least.get(g.token) ?? Infinity, g.minClearance));
  return [...least].map(([token, minClearance]) => ({ token, minClearance }));
}
