import { describe, expect, it } from 'vitest';
import { hitLink } from './searchLinks.ts';

describe('hitLink', () => {
  it.each([
    ['officialDoc', 'od1', 'od1', '/official-documents/od1'],
    ['document', 'd1', 'd1', '/documents/d1'],
    ['minutes', 'doc9', 'm1', '/meetings/m1'],
    ['meeting', 'm1', 'm1', '/meetings/m1'],
    ['material', 'mat 1', 'm1', '/meetings/m1/annotate?material=mat%201'],
    ['task', 't/1', 't/1', '/supervision/tasks/t%2F1'],
  ] as const)('a %s hit opens its page', (kind, id, parentId, link) => {
    expect(hitLink({ kind, id, parentId })).toBe(link);
  });
});
