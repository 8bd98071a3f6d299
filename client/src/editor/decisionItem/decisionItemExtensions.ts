// The minutes' additions to the editor: the decision item drawn by its React node view and kept with a unique id (the
// node itself comes from the shared schema, common/schema/decisionItem.ts), and, for someone drafting minutes, live
// extraction with its proposal widgets.
import type { AnyExtension } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { DecisionItem } from '../../../../common/schema/decisionItem.ts';
import { newDecisionId } from './convertParagraph.ts';
import { DecisionItemView } from './DecisionItemView.tsx';
import { workerRunner } from './extractionRunner.ts';
import { LiveExtraction, type ExtractionContext } from './liveExtraction.ts';
import { ProposalCard } from './ProposalCard.tsx';
import { itemsNeedingIds } from './uniqueDecisionIds.ts';

/** The schema's decision item with its node view; ids are made unique after local changes only (see below). */
export const DecisionItemWithView = DecisionItem.extend({
  addNodeView() {
    return ReactNodeViewRenderer(DecisionItemView);
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('tongbanDecisionIds'),
        appendTransaction: (transactions, _old, state) => {
          // Changes from Yjs were fixed by whoever made them; every browser fixing them too would race.
          const local = transactions.some((tr) => tr.docChanged && tr.getMeta(ySyncPluginKey) === undefined);
          if (!local) return null;
          const positions = itemsNeedingIds(state.doc);
          if (positions.length === 0) return null;
          const tr = state.tr;
          for (const pos of positions) tr.setNodeAttribute(pos, 'id', newDecisionId());
          return tr.setMeta('addToHistory', false);
        },
      }),
    ];
  },
});

export function liveExtraction(context: { current: ExtractionContext }): AnyExtension {
  return LiveExtraction.configure({ context, runner: workerRunner, widget: ProposalCard });
}

/**
 * Input rules for minutes: all but the ordered list's. Minutes number their items in the text (一、 （一） 1. ), as
 * official documents do; turning "1. " into a list would take the number out of the words the extractor reads.
 */
export const MINUTES_INPUT_RULES = [
  'blockquote',
  'bold',
  'bulletList',
  'code',
  'codeBlock',
  'heading',
  'horizontalRule',
  'image',
  'italic',
  'link',
  'strike',
  'taskItem',
  'taskList',
];
