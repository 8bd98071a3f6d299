// The anchor of a comment thread (批注): a mark carrying the thread id. Marks travel with the text through edits,
// paragraph splits and merges; several threads may overlap on the same text.
import { Mark } from '@tiptap/core';

export const Comment = Mark.create({
  name: 'comment',
  inclusive: false,
  excludes: '',
  addAttributes() {
    return { threadId: { default: null } };
  },
  parseHTML() {
    return [
      {
        tag: 'span[data-thread-id]',
        getAttrs: (el) => ({ threadId: (el as HTMLElement).getAttribute('data-thread-id') }),
      },
    ];
  },
  renderHTML({ mark }) {
    return ['span', { 'data-thread-id': mark.attrs.threadId, class: 'tb-comment' }, 0];
  },
});
