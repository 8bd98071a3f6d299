// The English interface uses English punctuation: no full-width colon, comma, brackets, full stop, semicolon,
// exclamation or question mark, nor the enumeration comma (、) in any English string. Labels and separators that
// components glue to text come from i18n (common.labelled, common.listSeparator …) for the same reason.
import { describe, expect, it } from 'vitest';
import en from './en.ts';
import zhCN from './zh-CN.ts';

const FULL_WIDTH = /[：，（）。；！？、]/u;

/** Every string in a resource tree, with its key path. */
function strings(tree: unknown, path = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[path, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key));
}

describe('English interface text', () => {
  const all = strings(en);

  it('covers every resource (the English tree has as many strings as the Chinese one)', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.length).toBe(strings(zhCN).length);
  });

  it('has no full-width punctuation', () => {
    expect(FULL_WIDTH.test('Time：')).toBe(true);
    const offending = all.filter(([, text]) => FULL_WIDTH.test(text)).map(([path, text]) => `${path}: ${text}`);
    expect(offending).toEqual([]);
  });
});
