// 分发 authorisation: who signs for or refuses a distributed 公文 (the recipient unit's clerks, or the named receiver of
// a 函), who recalls and reissues it (the issuing office, the sender), who sees a distribution row, and the inbox's
// visibility filter, the same rule as a query's database filter. Reading the 公文 itself as a recipient is
// canViewOfficialDoc's rule (officialDocs.ts). Clearance first; administrators (三员分立) take no part.
import type { DistributionStatus } from '../../common/officialDocs/distribution.ts';
import type { Subject } from '../auth/subject.ts';
import type { AppError } from '../errors.ts';
import { actsForRecipient, isOfficeOf, officialDocError } from './officialDocs.ts';
import { business, clearedFor, isClerk } from './predicates.ts';

/** One recipient's row of a distributed 公文, as the rules see it. */
export interface DistributionResource {
  kind: 'distribution';
  unitId: string;
  receiverId: string | null;
  status: DistributionStatus;
  /** The 公文's classification and the office that sent it (its 办公室). */
  classification: number;
  officeUnitId: string;
}

type Rule = (s: Subject, r: { kind: string }) => boolean;
const onRow =
  (rule: (s: Subject, d: DistributionResource) => boolean): Rule =>
  (s, r) =>
    r.kind === 'distribution' && rule(s, r as DistributionResource);

const recipient = (s: Subject, d: DistributionResource) => clearedFor(s, d.classification) && actsForRecipient(s, d);
const sender = (s: Subject, d: DistributionResource) =>
  clearedFor(s, d.classification) && isOfficeOf(s, d.officeUnitId);

/** 分发 actions, mounted in the RULES of index.ts. Which status allows what is the commands' 409, not a rule here. */
export const distributionRules = {
  /** A unit's inbox (收文箱): its clerks see the unit's, anyone the 函 addressed to them. */
  'distribution.inbox': (s: Subject) => business(s),
  /** A row shows to its recipient and to its sender. */
  'distribution.view': onRow((s, d) => recipient(s, d) || sender(s, d)),
  /** 签收 and 拒收: the recipient unit's clerks or the named receiver. */
  'distribution.signFor': onRow(recipient),
  'distribution.refuse': onRow(recipient),
  /** 撤回 and 重新分发: the issuing office. */
  'distribution.recall': onRow(sender),
  'distribution.reissue': onRow(sender),
};

/** How refusals read (403, in both languages). */
export const distributionRefusals = {
  'distribution.signFor': (): AppError => officialDocError(403, 'distribution_forbidden'),
  'distribution.refuse': (): AppError => officialDocError(403, 'distribution_forbidden'),
  'distribution.recall': (): AppError => officialDocError(403, 'distribution_sender_only'),
  'distribution.reissue': (): AppError => officialDocError(403, 'distribution_sender_only'),
};

/**
 * What the inbox may show the subject, as plain facts a query turns into one filter: administrators nothing; the rows
 * of their unit when a clerk, the rows naming them as receiver, each only when cleared for the 公文.
 */
export interface InboxVisibility {
  none: boolean;
  userId: string;
  /** The unit whose rows the subject sees as its clerk; null when not a clerk. */
  clerkOfUnitId: string | null;
  clearance: number;
}

export function inboxVisibility(subject: Subject): InboxVisibility {
  return {
    none: !business(subject),
    userId: subject.id,
    clerkOfUnitId: isClerk(subject) ? subject.unitId : null,
    clearance: subject.clearance,
  };
}
