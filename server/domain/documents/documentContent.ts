// A rich-text document's Yjs state read as ProseMirror: the root node (to look for tracked changes) or its JSON (to
// show, export or sign). Pure: no I/O, the state is given.
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Node as PmNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { documentSchema, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';

export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

/** The document's root node; read it before the state is dropped, nothing keeps the Y.Doc. */
export function rootNodeOf(state: Uint8Array): PmNode {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), documentSchema());
  } finally {
    doc.destroy();
  }
}

export function contentOf(state: Uint8Array): JsonNode {
  return rootNodeOf(state).toJSON() as JsonNode;
}
