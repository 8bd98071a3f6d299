// The Tiptap/ProseMirror schema of Tongban documents, shared by the collab server (validation, review enforcement,
// export) and the browser editor. The Yjs field holding the document is DOCUMENT_FIELD.
import { getSchema, type AnyExtension } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import Image from '@tiptap/extension-image';
import type { Schema } from '@tiptap/pm/model';
import { Comment } from './commentMark.ts';
import { DecisionItem } from './decisionItem.ts';
import { Deletion, Insertion, Modification } from './suggestionMarks.ts';

export const DOCUMENT_FIELD = 'default';

/** Block-level suggestions (a whole inserted list item, say) put the suggestion marks on block nodes. */
const TongbanDocument = Document.extend({ marks: 'insertion modification deletion' });

export interface ExtensionOverrides {
  /** The browser editor passes DecisionItem extended with its node view; the schema stays the same. */
  decisionItem?: AnyExtension;
}

export function documentExtensions(overrides: ExtensionOverrides = {}): AnyExtension[] {
  return [
    TongbanDocument,
    StarterKit.configure({ document: false, undoRedo: false, link: { openOnClick: false, autolink: true } }),
    TableKit.configure({ table: { resizable: false } }),
    Image.configure({ inline: false, allowBase64: false }),
    overrides.decisionItem ?? DecisionItem,
    Comment,
    Insertion,
    Deletion,
    Modification,
  ];
}

let cached: Schema | null = null;

export function documentSchema(): Schema {
  cached ??= getSchema(documentExtensions());
  return cached;
}
