// 办文 authorisation: who reads a 公文, which parts a person plays in its route (and so which actions the transition
// table allows them), who is the issuing unit's office (numbers, seals, distributes, manages 发文字号), and how the
// route engine's refusals read. Clearance first; administrators (三员分立) take no part.
import { OFFICIAL_DOC_ERRORS, type OfficialDocErrorCode } from '../../common/officialDocs/errors.ts';
import type { Subject } from '../auth/subject.ts';
import { AppError, NotFound } from '../errors.ts';
import { decide } from '../domain/officialDocs/lifecycle.ts';
import { offeredActions, routeRoles, type Actor, type Refusal } from '../domain/officialDocs/routeEngine.ts';
import { ROUTE_ACTIONS, type Route, type RouteAction, type RouteRole } from '../domain/officialDocs/vocabulary.ts';
import { business, clearedFor, isClerk } from './predicates.ts';

/** What the rules need to know about a 公文. */
export interface OfficialDocFacts {
  id: string;
  unitId: string;
  officeUnitId: string;
  drafterId: string;
  classification: number;
  route: Route;
  /** Everyone who gave an opinion on it, even on a route since played again. */
  formerHandlerIds: readonly string[];
  /** The units it was distributed to (分发) and still reads in, with the named receiver of a 函; absent: none. */
  recipients?: readonly RecipientReach[];
}

/** A recipient of a distributed 公文 whose row lets it read (pending, signed or finished; not refused nor recalled). */
export interface RecipientReach {
  unitId: string;
  receiverId: string | null;
}

/** A recipient unit's clerks (收发员/文书) and the named receiver of a 函 act for the recipient and read what it got. */
export function actsForRecipient(subject: Subject, reach: RecipientReach): boolean {
  return (
    business(subject) && (reach.receiverId === subject.id || (isClerk(subject) && subject.unitId === reach.unitId))
  );
}

/** A 公文 as the rules see it, with the people who delegated their steps to the subject now (代理). */
export interface OfficialDocResource {
  kind: 'officialDoc';
  facts: OfficialDocFacts;
  actingFor: readonly string[];
}

export function officialDocResource(facts: OfficialDocFacts, actingFor: readonly string[] = []): OfficialDocResource {
  return { kind: 'officialDoc', facts, actingFor };
}

/** A unit that issues documents, with its office: what numbering and its settings are asked about. */
export interface IssuingUnitResource {
  kind: 'issuingUnit';
  unitId: string;
  officeUnitId: string;
}

/** The issuing unit's office (办公室): its clerks number, seal and distribute, and manage 发文字号. */
export function isOfficeOf(subject: Subject, officeUnitId: string): boolean {
  return business(subject) && isClerk(subject) && subject.unitId === officeUnitId;
}

/** The route engine's view of the subject. */
export function routeActor(subject: Subject, facts: OfficialDocFacts, actingFor: readonly string[]): Actor {
  return { userId: subject.id, actingFor, office: isOfficeOf(subject, facts.officeUnitId) };
}

/** Everyone the route has named, now or before: they keep reading the document they handled. */
function participants(route: Route, former: readonly string[]): Set<string> {
  const ids = new Set<string>(former);
  for (const step of route.steps) for (const h of step.handlers) ids.add(h.userId).add(h.actedBy ?? h.userId);
  for (const step of route.steps) for (const c of step.candidates ?? []) if (step.state === 'active') ids.add(c);
  return ids;
}

/**
 * Who reads a 公文: the drafter, the issuing unit and its office, everyone the route named (or a deputy acting for one
 * of them now), and the clerks and named receiver of a unit it was distributed to, each cleared for its classification.
 */
export function canViewOfficialDoc(subject: Subject, facts: OfficialDocFacts, actingFor: readonly string[]): boolean {
  if (!business(subject) || !clearedFor(subject, facts.classification)) return false;
  if (facts.drafterId === subject.id) return true;
  if (subject.unitId === facts.unitId || subject.unitId === facts.officeUnitId) return true;
  if (facts.recipients?.some((r) => actsForRecipient(subject, r))) return true;
  const named = participants(facts.route, facts.formerHandlerIds);
  return named.has(subject.id) || actingFor.some((p) => named.has(p));
}

/** The parts the subject plays in the 公文 now; empty when they may not read it. */
export function officialDocRoles(subject: Subject, r: OfficialDocResource): RouteRole[] {
  if (!canViewOfficialDoc(subject, r.facts, r.actingFor)) return [];
  return routeRoles(r.facts.route, routeActor(subject, r.facts, r.actingFor));
}

/** A 公文 one may not read does not exist for them. */
export function authorizeOfficialDocView(subject: Subject, r: OfficialDocResource): void {
  if (!canViewOfficialDoc(subject, r.facts, r.actingFor)) throw new NotFound('official document');
}

/** The error of one of the 办文 codes, its message in English and Chinese. */
export function officialDocError(statusCode: number, code: OfficialDocErrorCode, detail?: string): AppError {
  const { zh, en } = OFFICIAL_DOC_ERRORS[code];
  return new AppError(statusCode, code, `${en} (${zh})`, detail === undefined ? undefined : { problem: detail });
}

/** How the route engine's refusals answer: 403 for a person with no part, 409 for the wrong moment, 400 for bad input. */
export function routeRefusal(reason: Refusal, detail?: string): AppError {
  switch (reason) {
    case 'role':
      return officialDocError(403, 'not_your_step');
    case 'closed':
      return officialDocError(409, 'official_doc_closed');
    case 'invalid_transition':
    case 'already_acted':
    case 'moved_on':
    case 'not_your_turn':
    case 'already_opened':
      return officialDocError(409, reason);
    default:
      return officialDocError(400, reason, detail);
  }
}

type Rule = (s: Subject, r: { kind: string }) => boolean;
const onDoc =
  (rule: (s: Subject, d: OfficialDocResource) => boolean): Rule =>
  (s, r) =>
    r.kind === 'officialDoc' && rule(s, r as OfficialDocResource);
const onIssuingUnit =
  (rule: (s: Subject, u: IssuingUnitResource) => boolean): Rule =>
  (s, r) =>
    r.kind === 'issuingUnit' && rule(s, r as IssuingUnitResource);
/** A route action is allowed when the transition table allows it now for one of the parts the subject plays. */
const lifecycle = (action: RouteAction): Rule =>
  onDoc((s, d) => decide(d.facts.route.status, action, officialDocRoles(s, d)).ok);

type LifecycleRules = { [A in RouteAction as `officialDoc.${A}`]: Rule };
const lifecycleRules = Object.fromEntries(
  ROUTE_ACTIONS.map((a) => [`officialDoc.${a}`, lifecycle(a)]),
) as LifecycleRules;

/** 办文 actions, mounted in the RULES of index.ts. */
export const officialDocRules = {
  /** Draft a 公文 in one's own unit. */
  'officialDoc.create': (s: Subject) => business(s),
  'officialDoc.view': onDoc((s, d) => canViewOfficialDoc(s, d.facts, d.actingFor)),
  ...lifecycleRules,
  /** Reserve and void 发文字号, set the 代字 and 发文机关标志: the issuing unit's office. */
  'officialDoc.manageNumbers': onIssuingUnit((s, u) => isOfficeOf(s, u.officeUnitId)),
  /** Name a deputy for one's own steps while away (代理). */
  'officialDoc.delegate': (s: Subject) => business(s),
  /** Register a 收文 for one's own unit (收发员/文书): its clerks. */
  'officialDoc.registerIncoming': (s: Subject) => business(s) && isClerk(s),
  /** Attach the scanned 来文 to a 收文 not yet 办结: who registered it, or a clerk of the receiving unit or its office. */
  'officialDoc.attachScan': onDoc(
    (s, d) =>
      canViewOfficialDoc(s, d.facts, d.actingFor) &&
      d.facts.route.direction === 'incoming' &&
      d.facts.route.status !== 'finished' &&
      (d.facts.drafterId === s.id ||
        (isClerk(s) && (s.unitId === d.facts.unitId || s.unitId === d.facts.officeUnitId))),
  ),
};

/** Whether a person may be named to handle a step of a 公文: a business user cleared for it. */
export function mayHandle(person: { adminRole: string | null; clearance: number }, classification: number): boolean {
  return business(person) && clearedFor(person, classification);
}

/** The actions to offer the subject on the detail view (the server still checks each call). */
export function officialDocActions(subject: Subject, r: OfficialDocResource): RouteAction[] {
  if (!canViewOfficialDoc(subject, r.facts, r.actingFor)) return [];
  return offeredActions(r.facts.route, routeActor(subject, r.facts, r.actingFor));
}

/**
 * What the 发文 lists may show the subject, as plain facts a query can use: administrators nothing; others only what
 * they are cleared for, and only in the scopes that give them a part (the handler, the drafter, the unit or office).
 */
export interface OfficialDocVisibility {
  none: boolean;
  userId: string;
  unitId: string;
  clearance: number;
}

export function officialDocVisibility(subject: Subject): OfficialDocVisibility {
  return { none: !business(subject), userId: subject.id, unitId: subject.unitId, clearance: subject.clearance };
}
