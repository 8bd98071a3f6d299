// What the signed-in person may do in the editor, derived from their access level as the server computes it. The
// server enforces the same levels on /collab; the editor only keeps people from making changes it would refuse.
import type { Access } from '../api/documents.ts';

export type EditingMode = 'read_only' | 'comment_only' | 'suggest' | 'edit';

export function editingModeOf(access: Access): EditingMode {
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
export const canChangeText = (mode: EditingMode) => mode === 'suggest' || mode === 'edit';

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
