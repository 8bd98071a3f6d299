import { describe, expect, it } from 'vitest';
import { parseCloseReason } from './closeReason.ts';

describe('parseCloseReason', () => {
  it.each([
    [
      '4403 suggest_only: in review mode you can only suggest changes; direct edits are refused',
      {
        kind: 'refused',
        rule: 'suggest_only',
        detail: 'in review mode you can only suggest changes; direct edits are refused',
      },
    ],
    [
      '4403 comment_only: this share may add comments but not change the text',
      { kind: 'refused', rule: 'comment_only', detail: 'this share may add comments but not change the text' },
    ],
    [
      '4403 read_only: this share may not change the document',
      { kind: 'refused', rule: 'read_only', detail: 'this share may not change the document' },
    ],
    ['4403 something_new: x', { kind: 'refused', rule: 'other', detail: 'x' }],
    [
      '4400 malformed_update: root "evil" is not part of a draft document',
      { kind: 'rejected_update', detail: 'root "evil" is not part of a draft document' },
    ],
    ['4413 update_too_large', { kind: 'rejected_update', detail: 'update_too_large' }],
    ['4409 access_changed', { kind: 'access_changed' }],
    ['4401 unauthorized', { kind: 'unauthorized' }],
    ['', { kind: 'disconnected' }],
    [undefined, { kind: 'disconnected' }],
    ['Going away', { kind: 'disconnected' }],
  ])('%s', (reason, expected) => {
    expect(parseCloseReason(reason)).toEqual(expected);
  });
});
