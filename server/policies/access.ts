// Access levels on a document, weakest first, and the facts the document rules read. Shared by the document rules and
// the annotation rules (whose documents take their access from the meeting instead).
export const ACCESS_LEVELS = ['none', 'view', 'comment', 'suggest', 'edit', 'manage'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];
export type ShareAccess = 'view' | 'comment' | 'suggest' | 'edit';

export interface DocumentFacts {
  id: string;
  ownerId: string;
  unitId: string;
  classification: number;
  status: string;
  reviewMode: boolean;
  deletedAt: Date | null;
  contextType?: string | null;
}

export interface ShareFacts {
  granteeType: string;
  granteeId: string;
  access: string;
}

const rank = (a: Access) => ACCESS_LEVELS.indexOf(a);
export const maxAccess = (a: Access, b: Access): Access => (rank(a) >= rank(b) ? a : b);
export const minAccess = (a: Access, b: Access): Access => (rank(a) <= rank(b) ? a : b);

export function atLeast(access: Access, needed: Access): boolean {
  return rank(access) >= rank(needed);
}
