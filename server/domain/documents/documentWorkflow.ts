// The workflow of a draft (公文草稿): editing → submitted for review (review mode on: changes become suggestions) →
// finalised (read-only for everyone); a reviewer can send it back, the owner can reopen a finalised draft only as a
// new round. Each step freezes a version. Pure.

export const DOCUMENT_STATUSES = ['editing', 'submitted', 'finalised'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const WORKFLOW_ACTIONS = ['submit', 'return', 'finalise', 'reopen'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface Transition {
  to: DocumentStatus;
  reviewMode: boolean;
  /** The version frozen when the step is taken. */
  version: 'submitted' | 'finalised' | 'manual';
  versionName: string;
}

const TABLE: Partial<Record<DocumentStatus, Partial<Record<WorkflowAction, Transition>>>> = {
  editing: {
    submit: { to: 'submitted', reviewMode: true, version: 'submitted', versionName: '送审稿 / submitted for review' },
    finalise: { to: 'finalised', reviewMode: false, version: 'finalised', versionName: '定稿 / final' },
  },
  submitted: {
    return: { to: 'editing', reviewMode: false, version: 'manual', versionName: '退回修改 / returned for changes' },
    finalise: { to: 'finalised', reviewMode: false, version: 'finalised', versionName: '定稿 / final' },
  },
  finalised: {
    reopen: { to: 'editing', reviewMode: false, version: 'manual', versionName: '重新打开 / reopened' },
  },
};

export function transition(from: string, action: WorkflowAction): Transition | null {
  return TABLE[from as DocumentStatus]?.[action] ?? null;
}
