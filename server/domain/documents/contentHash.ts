// A stable hash of what a document says (content and marks), for signing finalised versions and checking them.
// SHA-256 hex by default, "sm3:<hex>" with TONGBAN_HASH=sm3 (contentDigest.ts); a stored hash names its algorithm.
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentSchema, DOCUMENT_FIELD } from '../../../common/schema/documentSchema.ts';
import { RICH_TEXT_KINDS } from '../../../common/schema/documentKinds.ts';
import { contentDigest, type HashName } from '../contentDigest.ts';

/** A stable hash of what the document says (content and marks), for signing finalised versions. */
export function contentHash(state: Uint8Array, kind: string, algorithm: HashName = 'sha256'): string {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    return docContentHash(doc, kind, algorithm);
  } finally {
    doc.destroy();
  }
}

/** contentHash of a live Y.Doc (inside a collab transaction, say), without encoding it first. */
export function docContentHash(doc: Y.Doc, kind: string, algorithm: HashName = 'sha256'): string {
  const content = RICH_TEXT_KINDS.includes(kind)
    ? JSON.stringify(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), documentSchema()).toJSON())
    : JSON.stringify(doc.toJSON());
  return contentDigest(content, algorithm);
}
