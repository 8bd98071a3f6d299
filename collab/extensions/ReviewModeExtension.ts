// Enforces restricted shares on the server: a comment-only connection may only add or remove comment anchors, and a
// suggest-only connection (a reviewer, or anyone but the owner in review mode) may only add or withdraw its own
// suggestions. The update is tried on a copy of the document; if the rule fails, the connection is closed with the
// reason and the document is unchanged.
import * as Y from 'yjs';
import type { beforeSyncPayload, Extension } from '@hocuspocus/server';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { checkCommentOnly, checkSuggestOnly } from '../../common/review/editRules.ts';
import { documentSchema, DOCUMENT_FIELD } from '../../common/schema/documentSchema.ts';
import { INK_KINDS, RICH_TEXT_KINDS } from '../../common/schema/documentKinds.ts';
import { CollabRefusal, type CollabContext } from '../context.ts';
import type { Clock } from '../../server/clock.ts';
import type { CollabMetrics } from './MetricsExtension.ts';

export const REFUSED_EDIT_CODE = 4403;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export class ReviewModeExtension implements Extension {
  extensionName = 'ReviewMode';
  priority = 800;

  constructor(
    private readonly clock: Clock,
    private readonly metrics: CollabMetrics,
  ) {}

  async beforeSync({ type, payload, connection, context, document }: beforeSyncPayload<CollabContext>): Promise<void> {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    if (connection.readOnly || (context.access !== 'comment' && context.access !== 'suggest')) return;
    // On ink documents 'comment' means drawing one's own marks: InkValidationExtension enforces that.
    if (INK_KINDS.includes(context.documentKind)) return;
    if (!RICH_TEXT_KINDS.includes(context.documentKind)) {
      this.metrics.refused++;
      throw new CollabRefusal(REFUSED_EDIT_CODE, 'read_only: this share may not change the document');
    }
    const schema = documentSchema();
    const before = yXmlFragmentToProseMirrorRootNode(document.getXmlFragment(DOCUMENT_FIELD), schema);
    const trial = new Y.Doc({ gc: false });
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(document));
    Y.applyUpdate(trial, payload);
    const after = yXmlFragmentToProseMirrorRootNode(trial.getXmlFragment(DOCUMENT_FIELD), schema);
    trial.destroy();
    const verdict =
      context.access === 'comment'
        ? checkCommentOnly(before, after, schema)
        : checkSuggestOnly(before, after, schema, context.userId, this.clock.now().getTime());
    if (!verdict.ok) {
      this.metrics.refused++;
      throw new CollabRefusal(REFUSED_EDIT_CODE, verdict.reason);
    }
  }
}
