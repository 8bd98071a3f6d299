// A stable hash of what a document says (content and marks), for signing finalised versions and checking them.
import { createHash } from 'node:crypto';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentSchema, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { RICH_TEXT_KINDS } from '../../../common/schema/documentKinds.ts';

/** A stable hash of what the document says (content and marks), for signing finalised versions. */
export function contentHash(state: Uint8Array, kind: string): string {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    return docContentHash(doc, kind);
  } finally {
    doc.destroy();
  }
}

/** contentHash of a live Y.Doc (inside a collab transaction, say), without encoding it first. */
export function docContentHash(doc: Y.Doc, kind: string): string {
  const content = RICH_TEXT_KINDS.includes(kind)
    ? JSON.stringify(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), documentSchema()).toJSON())
    : JSON.stringify(doc.toJSON());
  return createHash('sha256').update(content).digest('hex');
}
