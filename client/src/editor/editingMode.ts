// What the signed-in person may do in the editor, derived from their access level as the server computes it. The
// server enforces the same levels on /collab; the editor only keeps people from making changes it would refuse.
import type { Access } from '../api/documents.ts';

/**
 * `track`: the owner in review mode. Their changes are recorded as suggestions like everyone's; what cannot be a
 * suggestion (restyling a block as a heading or a list) still goes through directly, since the owner may edit.
 */
export type EditingMode = 'read_only' | 'comment_only' | 'suggest' | 'track' | 'edit';

/**
 * In review mode every change is tracked, the owner's included (the server already turns everyone else's edit access
 * into suggest): a revision trace that leaves out the drafter's own rewrites would not be a trace. The owner still
 * decides suggestions, which goes through the API, not through the editor.
 */
export function editingModeOf(access: Access, reviewMode: boolean): EditingMode {
  if (reviewMode && access === 'manage') return 'track';
  switch (access) {
    case 'none':
    case 'view':
      return 'read_only';
    case 'comment':
      return 'comment_only';
    case 'suggest':
      return 'suggest';
    case 'edit':
    case 'manage':
      return 'edit';
  }
}

export const canComment = (mode: EditingMode) => mode !== 'read_only';
export const canChangeText = (mode: EditingMode) => mode === 'suggest' || mode === 'track' || mode === 'edit';
/** Changes are recorded as suggestions (by a reviewer, or by the owner in review mode). */
export const tracksChanges = (mode: EditingMode) => mode === 'suggest' || mode === 'track';

export type HeldBackReason = 'not_suggestible' | 'comment_only';

/**
 * The editor reads the mode through this holder on every transaction, so an access change (review mode switched on,
 * a share changed) takes effect without rebuilding the editor.
 */
export interface EditingPolicy {
  mode: EditingMode;
  userId: string;
  /** A local change was held back because the server would refuse it. */
  onHeldBack: (why: HeldBackReason) => void;
}
