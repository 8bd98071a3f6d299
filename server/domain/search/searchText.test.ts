// The text rules of search: terms, which index answers a term, the bigram form, and snippets as marked text parts.
import { describe, expect, it } from 'vitest';
import {
  bigramQuery,
  bigramText,
  markTerms,
  queryTerms,
  snippetOf,
  trigramPhrase,
  usesTrigrams,
} from './searchText.ts';

describe('query terms', () => {
  it.each([
    ['防汛  通知', ['防汛', '通知']],
    ['  ', []],
    ['通知 通知', ['通知']],
    ['a b c d e f g h i j', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
  ])('%j → %j', (q, terms) => expect(queryTerms(q)).toEqual(terms));

  it('sends three characters and more to the trigram index, shorter terms to the bigram index', () => {
    expect(['区', '通知', '〔2026〕', '防汛工作'].map(usesTrigrams)).toEqual([false, false, true, true]);
  });

  it('quotes a trigram phrase so that nothing in it is query syntax', () => {
    expect(trigramPhrase('a" OR "b')).toBe('"a"" OR ""b"');
    expect(trigramPhrase('NEAR(x)')).toBe('"NEAR(x)"');
  });

  it.each([
    ['区', '"区"*'],
    ['通知', '"通知"'],
    ['AB', '"ab"'],
    ['a-', '"a"*'],
    ['，', null],
    ['"*', null],
  ])('bigram query of %j is %j', (term, query) => expect(bigramQuery(term)).toBe(query));
});

describe('the bigram form of text', () => {
  it('cuts runs of letters and digits into pairs, each run’s last character alone', () => {
    expect(bigramText('防汛通知，2026年')).toBe('防汛 汛通 通知 知 20 02 26 6年 年');
    expect(bigramText('Ab')).toBe('ab b');
  });
});

describe('snippets', () => {
  it('marks every occurrence of every term, ASCII case ignored', () => {
    expect(markTerms('防汛通知与防汛', ['防汛', '通知'])).toEqual([
      { text: '防汛', mark: true },
      { text: '通知', mark: true },
      { text: '与', mark: false },
      { text: '防汛', mark: true },
    ]);
    expect(markTerms('OA系统', ['oa'])).toEqual([
      { text: 'OA', mark: true },
      { text: '系统', mark: false },
    ]);
  });

  it('keeps markup as text: a snippet is parts, never HTML', () => {
    const parts = snippetOf('<img onerror=x>防汛<b>', ['防汛']);
    expect(parts).toEqual([
      { text: '<img onerror=x>', mark: false },
      { text: '防汛', mark: true },
      { text: '<b>', mark: false },
    ]);
  });

  it('cuts a window around the first match with ellipses', () => {
    const body = `${'前'.repeat(100)}防汛${'后'.repeat(100)}`;
    const parts = snippetOf(body, ['防汛']);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.find((p) => p.mark)?.text).toBe('防汛');
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(98);
  });
});
