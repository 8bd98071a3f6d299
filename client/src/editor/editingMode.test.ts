import { describe, expect, it } from 'vitest';
import type { Access } from '../api/documents.ts';
import { canChangeText, canComment, editingModeOf, tracksChanges, type EditingMode } from './editingMode.ts';

describe('editingModeOf', () => {
  // [access as the server computes it, review mode, the editor's mode]
  const cases: Array<[Access, boolean, EditingMode]> = [
    ['none', false, 'read_only'],
    ['view', false, 'read_only'],
    ['comment', false, 'comment_only'],
    ['suggest', false, 'suggest'],
    ['edit', false, 'edit'],
    ['manage', false, 'edit'],
    ['none', true, 'read_only'],
    ['view', true, 'read_only'],
    ['comment', true, 'comment_only'],
    // The server already downgrades edit shares to suggest in review mode; the owner's own changes are tracked too.
    ['suggest', true, 'suggest'],
    ['manage', true, 'track'],
  ];
  it.each(cases)('%s access, review mode %s → %s', (access, reviewMode, mode) => {
    expect(editingModeOf(access, reviewMode)).toBe(mode);
  });

  it('lets comment-only change nothing but comments, and read-only nothing at all', () => {
    expect([canComment('comment_only'), canChangeText('comment_only')]).toEqual([true, false]);
    expect([canComment('read_only'), canChangeText('read_only')]).toEqual([false, false]);
    expect([canComment('suggest'), canChangeText('suggest')]).toEqual([true, true]);
  });

  it('tracks the changes of reviewers and of the owner in review mode only', () => {
    expect((['read_only', 'comment_only', 'suggest', 'track', 'edit'] as const).filter(tracksChanges)).toEqual([
      'suggest',
      'track',
    ]);
    expect(canChangeText('track')).toBe(true);
  });
});
