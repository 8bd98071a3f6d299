// Task proposal rows → the review screen's shape (structured fields parsed, the task it became as a list).
import type { DecisionPerson, DecisionUnit } from '../../common/schema/decisionItem.ts';
import type { ConfidenceField } from '../../common/minutes/types.ts';
import { uncertainFields } from '../domain/minutes/proposalFields.ts';
import type { ProposalContent, ProposalOrigin, ProposalStatus } from '../domain/minutes/minutesProposals.ts';

export interface ProposalRow {
  id: string;
  meetingId: string;
  minutesDocumentId: string;
  decisionId: string | null;
  origin: string;
  position: number;
  title: string;
  sourceText: string;
  leadUnits: string;
  coUnits: string;
  owners: string;
  coOwners: string;
  due: string | null;
  needsReview: boolean;
  /** JSON {field: 0–1}; absent for rows read without it. */
  confidence?: string;
  status: string;
  taskId: string | null;
  parentId: string | null;
  editedAt: Date | null;
}

export interface ProposalView extends ProposalContent {
  id: string;
  meetingId: string;
  meetingTitle: string;
  minutesDocumentId: string;
  decisionId: string | null;
  origin: ProposalOrigin;
  status: ProposalStatus;
  edited: boolean;
  parentId: string | null;
  taskIds: string[];
  /** Fields the extractor read with low confidence, to highlight while the proposal is pending. */
  uncertain: ConfidenceField[];
}

/** The stored columns of what a proposal says, with the structured fields parsed. */
export function contentOfRow(
  row: Pick<
    ProposalRow,
    'title' | 'sourceText' | 'leadUnits' | 'coUnits' | 'owners' | 'coOwners' | 'due' | 'needsReview'
  >,
): ProposalContent {
  return {
    title: row.title,
    sourceText: row.sourceText,
    due: row.due,
    needsReview: row.needsReview,
    leadUnits: JSON.parse(row.leadUnits) as DecisionUnit[],
    coUnits: JSON.parse(row.coUnits) as DecisionUnit[],
    owners: JSON.parse(row.owners) as DecisionPerson[],
    coOwners: JSON.parse(row.coOwners) as DecisionPerson[],
  };
}

export function presentProposal(p: ProposalRow, meetingTitle: string): ProposalView {
  return {
    id: p.id,
    meetingId: p.meetingId,
    meetingTitle,
    minutesDocumentId: p.minutesDocumentId,
    decisionId: p.decisionId,
    origin: p.origin as ProposalOrigin,
    ...contentOfRow(p),
    status: p.status as ProposalStatus,
    edited: p.editedAt !== null,
    parentId: p.parentId,
    taskIds: p.taskId ? [p.taskId] : [],
    uncertain: uncertainFields(p.confidence, p.status),
  };
}
