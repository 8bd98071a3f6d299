// Writes demo content into documents the way a person's editor does: a ProseMirror transaction on the current text,
// turned into tracked changes for a reviewer, written into the Yjs fragment by a Yjs client of that person's own (so
// the server's clientAuthors map attributes it), checked with the rules the collab server applies to a client's
// update (structure, decision item fields, comment-only and suggest-only shares), then applied and logged through the
// collab server's server-side write path.
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { updateProblem } from '../../collab/extensions/ValidationExtension.ts';
import { authorsMap } from '../../collab/history/clientAuthors.ts';
import { checkCommentOnly, checkSuggestOnly } from '../../common/review/editRules.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../common/schema/documentSchema.ts';
import { newSuggestionId } from '../../common/schema/suggestionMarks.ts';
import { recordDocumentOpen } from '../commands/documents/documentOpener.ts';
import type { DemoRandom } from './demoRandom.ts';
import type { DemoWorld } from './demoWorld.ts';

/** How the person writes: straight edits, tracked changes (a reviewer, or anyone in review mode), or comment anchors. */
export type WriteMode = 'edit' | 'suggest' | 'comment';

/** Blocks of demo text: headings, paragraphs and (in minutes) decision items with their fields. */
export type Block =
  { h: string; level?: 1 | 2 | 3 } | { p: string } | { decision: string; attrs: Record<string, unknown> };

export function nodesOf(blocks: readonly Block[]): PmNode[] {
  const schema = documentSchema();
  const text = (value: string) => (value ? [schema.text(value)] : []);
  return blocks.map((b) => {
    if ('h' in b) return schema.nodes.heading!.create({ level: b.level ?? 2 }, text(b.h));
    if ('p' in b) return schema.nodes.paragraph!.create(null, text(b.p));
    return schema.nodes.decisionItem!.create(b.attrs, text(b.decision));
  });
}

/** The range of the first occurrence of a phrase inside one text block. */
export function findText(doc: PmNode, phrase: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found || !node.isTextblock) return !found;
    const i = node.textContent.indexOf(phrase);
    if (i >= 0) found = { from: pos + 1 + i, to: pos + 1 + i + phrase.length };
    return false;
  });
  if (!found) throw new Error(`demo text “${phrase}” not found in the document`);
  return found;
}

export interface WriteRequest {
  documentId: string;
  username: string;
  at: Date;
  mode: WriteMode;
  change: (state: EditorState) => Transaction;
}

export class DemoWriter {
  constructor(
    private readonly world: DemoWorld,
    private readonly rng: DemoRandom,
  ) {}

  /** The document's text as it stands (what the next writer starts from). */
  async current(documentId: string): Promise<PmNode> {
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, await this.world.svc.collab.currentState(documentId));
    const pm = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), documentSchema());
    doc.destroy();
    return pm;
  }

  /** A new document's first text, written by its owner. */
  async initial(documentId: string, username: string, at: Date, blocks: readonly Block[]): Promise<void> {
    const schema = documentSchema();
    await this.apply(documentId, username, at, 'edit', () => schema.node('doc', null, nodesOf(blocks)));
  }

  async write(request: WriteRequest): Promise<void> {
    const { documentId, username, at, mode, change } = request;
    const userId = this.world.person(username).id;
    await this.apply(documentId, username, at, mode, (before) => {
      const state = EditorState.create({ schema: documentSchema(), doc: before });
      let tr = change(state);
      if (mode === 'suggest')
        tr = transformToSuggestionTransaction(tr, state, () =>
          newSuggestionId(userId, at.getTime(), this.rng.token(8)),
        );
      return state.apply(tr).doc;
    });
  }

  private async apply(
    documentId: string,
    username: string,
    at: Date,
    mode: WriteMode,
    next: (before: PmNode) => PmNode,
  ): Promise<void> {
    const { svc } = this.world;
    const { access } = await this.world.requireDocument(username, documentId, mode === 'edit' ? 'edit' : mode);
    const userId = this.world.person(username).id;
    // Writing starts with opening the document in the browser (its visit and audit event).
    await recordDocumentOpen(svc, this.world.ctx(username, at), documentId, userId, access);
    const { kind } = await svc.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { kind: true } });
    const schema = documentSchema();
    const current = new Y.Doc({ gc: false });
    const author = new Y.Doc({ gc: false });
    try {
      const state = await svc.collab.currentState(documentId);
      Y.applyUpdate(current, state);
      Y.applyUpdate(author, state);
      const fragment = author.getXmlFragment(DOCUMENT_FIELD);
      const before = yXmlFragmentToProseMirrorRootNode(fragment, schema);
      const vector = Y.encodeStateVector(author);
      author.transact(() =>
        updateYFragment(author, fragment, next(before), { mapping: new Map(), isOMark: new Map() }),
      );
      const update = Y.encodeStateAsUpdate(author, vector);
      const problem =
        updateProblem(update, kind, current) ??
        this.shareProblem(mode, before, yXmlFragmentToProseMirrorRootNode(fragment, schema), userId, at);
      if (problem) throw new Error(`the collab server would refuse this demo edit: ${problem}`);
      // The server records whose client this is (AuthorshipExtension does it for a connection). Written in the same
      // update: a remote update that also carried a write of the server's own client would make Yjs renew its id.
      author.transact(() => authorsMap(author).set(String(author.clientID), userId));
      const attributed = Y.encodeStateAsUpdate(author, vector);
      await svc.collab.transact(documentId, userId, (doc) => Y.applyUpdate(doc, attributed));
    } finally {
      current.destroy();
      author.destroy();
    }
  }

  private shareProblem(mode: WriteMode, before: PmNode, after: PmNode, userId: string, at: Date): string | null {
    if (mode === 'edit') return null;
    const verdict =
      mode === 'comment'
        ? checkCommentOnly(before, after, documentSchema())
        : checkSuggestOnly(before, after, documentSchema(), userId, at.getTime());
    return verdict.ok ? null : verdict.reason;
  }
}
