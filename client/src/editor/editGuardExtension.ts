// Keeps read-only and comment-only people from changing the document locally. The collab server refuses such changes
// anyway, but a refused change closes the connection and costs a reload; better not to make it.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EditingPolicy } from './editingMode.ts';

const isCommentStep = (step: unknown) =>
  (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === 'comment';

export function allowedInMode(mode: EditingPolicy['mode'], tr: Transaction): boolean {
  if (!tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined) return true;
  if (mode === 'read_only') return false;
  if (mode === 'comment_only') return tr.steps.every(isCommentStep);
  return true;
}

export const EditGuard = Extension.create<{ policy: { current: EditingPolicy } | null }>({
  name: 'tongbanEditGuard',

  addOptions() {
    return { policy: null };
  },

  addProseMirrorPlugins() {
    const policy = this.options.policy;
    return [
      new Plugin({
        key: new PluginKey('tongbanEditGuard'),
        filterTransaction: (tr) => {
          if (!policy || allowedInMode(policy.current.mode, tr)) return true;
          // Only comment-only people can type here at all (read-only editors are not editable).
          if (policy.current.mode === 'comment_only') policy.current.onHeldBack('comment_only');
          return false;
        },
      }),
    ];
  },
});
