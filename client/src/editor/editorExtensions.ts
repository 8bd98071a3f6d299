// The browser editor's extensions: the shared document schema (common/schema) plus collaboration (Yjs sync, the
// collaboration undo history, carets), the editing-mode guards and Tongban's own keyboard shortcuts.
import type { AnyExtension } from '@tiptap/core';
import { Extension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { documentExtensions, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { DecisionItemWithView, liveExtraction } from './decisionItem/decisionItemExtensions.ts';
import type { ExtractionContext } from './decisionItem/liveExtraction.ts';
import type { DocumentConnection } from './documentConnection.ts';
import { EditGuard } from './editGuardExtension.ts';
import type { EditingPolicy } from './editingMode.ts';
import { TrackChanges } from './trackChangesExtension.ts';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

export interface EditorCallbacks {
  /** Mod-Alt-M, as in the common office suites: comment on the selection. */
  addComment(): void;
}

export interface EditorSetup {
  connection: DocumentConnection;
  user: PresenceUser;
  policy: { current: EditingPolicy };
  callbacks: { current: EditorCallbacks };
  placeholder: string;
  /** Minutes being drafted: the extractor's live proposals (see decisionItem/liveExtraction.ts). */
  minutes?: { current: ExtractionContext } | null;
}

const TongbanShortcuts = Extension.create<{ callbacks: { current: EditorCallbacks } | null }>({
  name: 'tongbanShortcuts',
  addOptions() {
    return { callbacks: null };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => {
        this.options.callbacks?.current.addComment();
        return true;
      },
    };
  },
});

function caret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : 'transparent';
  const el = document.createElement('span');
  el.className = 'tb-caret';
  el.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'tb-caret__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  el.append(label);
  return el;
}

export function collaborativeExtensions(setup: EditorSetup): AnyExtension[] {
  return [
    ...documentExtensions({ decisionItem: DecisionItemWithView }),
    Collaboration.configure({ document: setup.connection.doc, field: DOCUMENT_FIELD }),
    CollaborationCaret.configure({ provider: setup.connection.provider, user: { ...setup.user }, render: caret }),
    TrackChanges.configure({ policy: setup.policy }),
    EditGuard.configure({ policy: setup.policy }),
    TongbanShortcuts.configure({ callbacks: setup.callbacks }),
    Placeholder.configure({ placeholder: setup.placeholder }),
    ...(setup.minutes ? [liveExtraction(setup.minutes)] : []),
  ];
}

/** For versions shown read-only: the same schema, nothing collaborative. */
export function staticExtensions(): AnyExtension[] {
  return documentExtensions({ decisionItem: DecisionItemWithView });
}
