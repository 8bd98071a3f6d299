import { describe, expect, it } from 'vitest';
import { flattenItems, leadingNumbering, ownText, splitItems, type MinutesItem } from './itemSplitter.ts';

/** An outline of the tree: each item as "depth:marker:own text", own text cut to 12 characters. */
function outline(text: string): string[] {
  return flattenItems(splitItems(text)).map(
    (item: MinutesItem) => `${item.depth}:${item.marker}:${ownText(text, item).slice(0, 12)}`,
  );
}

describe('splitItems', () => {
  it.each<[string, string, string[]]>([
    ['Chinese numerals with 、', '一、甲事项。\n二、乙事项。', ['0:一、:甲事项。', '0:二、:乙事项。']],
    [
      '（一） nested under 一、',
      '一、关于A\n（一）做甲\n（二）做乙\n二、关于B',
      ['0:一、:关于A', '1:（一）:做甲', '1:（二）:做乙', '0:二、:关于B'],
    ],
    [
      'three levels 一、（一）1.',
      '一、A\n（一）B\n1. C\n2. D\n（二）E',
      ['0:一、:A', '1:（一）:B', '2:1.:C', '2:2.:D', '1:（二）:E'],
    ],
    ['1、 and （1）', '1、甲\n（1）子一\n（2）子二\n2、乙', ['0:1、:甲', '1:（1）:子一', '1:（2）:子二', '0:2、:乙']],
    ['a document that starts at 1.', '1. 甲\n2. 乙\n3. 丙', ['0:1.:甲', '0:2.:乙', '0:3.:丙']],
    ['half-width (一) and (1)', '(一)甲\n(1)子\n(二)乙', ['0:(一):甲', '1:(1):子', '0:(二):乙']],
    ['circled numbers', '①甲\n②乙', ['0:①:甲', '0:②:乙']],
    [
      'markdown headings and bullets',
      '## 一、审议事项\n\n- 甲\n- 乙\n\n## 二、部署事项\n\n1. 丙',
      ['0:一、:审议事项', '1:-:甲', '1:-:乙', '0:二、:部署事项', '1:1.:丙'],
    ],
    [
      'inline 一是/二是',
      '三、会议要求：一是做甲；二是做乙；三是做丙。',
      ['0:三、:会议要求：', '1:一是:做甲；', '1:二是:做乙；', '1:三是:做丙。'],
    ],
    ['inline 一要/二要', '1. 一要抓甲，二要抓乙。', ['0:1.:', '1:一要:抓甲，', '1:二要:抓乙。']],
    [
      'inline ①②',
      '一、会议要求：①区财政局做甲；②区审计局做乙。',
      ['0:一、:会议要求：', '1:①:区财政局做甲；', '1:②:区审计局做乙。'],
    ],
    ['inline （1）（2）', '一、要求：（1）甲；（2）乙。', ['0:一、:要求：', '1:（1）:甲；', '1:（2）:乙。']],
    ['a lone 一是 is prose', '一、统一是前提，一是关键。', ['0:一、:统一是前提，一是关键。']],
    ['a decimal is not numbering', '一、资金\n1.5亿元由财政安排。', ['0:一、:资金\n1.5亿元由财政安']],
    [
      'field lines continue their item',
      '（一）做甲。\n责任单位：区住建委\n\n完成时限：12月底前\n（二）做乙',
      ['0:（一）:做甲。\n责任单位：区住建', '0:（二）:做乙'],
    ],
    [
      'a heading line takes the paragraph after a blank line',
      '1、关于垃圾分类\n\n会议要求，环卫科牵头。\n\n2、关于乙',
      ['0:1、:关于垃圾分类\n\n会议要求', '0:2、:关于乙'],
    ],
    ['header and footer lines end items', '一、甲。\n\n出席：陈明\n记录：孙悦\n抄送：区委办公室。', ['0:一、:甲。']],
    [
      'preamble before the first number is skipped',
      '区政府常务会议纪要\n\n11月18日，区长主持召开会议。纪要如下：\n\n一、甲。',
      ['0:一、:甲。'],
    ],
    [
      'unnumbered minutes: paragraphs are items',
      '区政府专题会议纪要\n\n会议听取了汇报。\n\n会议要求，区水务局要做甲。',
      ['0::会议听取了汇报。', '0::会议要求，区水务局要做甲'],
    ],
    ['CRLF line endings', '一、甲。\r\n二、乙。\r\n', ['0:一、:甲。', '0:二、:乙。']],
  ])('%s', (_name, text, expected) => {
    expect(outline(text)).toEqual(expected);
  });

  it('keeps the offsets of every item in the original text', () => {
    const text = '纪要如下：\n\n一、关于A\n（一）由区发改委牵头做甲。\n（二）区财政局做乙。\n\n出席：陈明';
    const [top] = splitItems(text);
    expect(top).toBeDefined();
    if (!top) return;
    expect(text.slice(top.start, top.end)).toBe('一、关于A\n（一）由区发改委牵头做甲。\n（二）区财政局做乙。');
    const [first, second] = top.children;
    expect(first && text.slice(first.start, first.end)).toBe('（一）由区发改委牵头做甲。');
    expect(second && text.slice(second.start, second.end)).toBe('（二）区财政局做乙。');
    expect(first && text.slice(first.bodyStart, first.end)).toBe('由区发改委牵头做甲。');
  });

  it('gives the words after inline sub-items back to the whole item', () => {
    const text = '一、要求：一是做甲；二是做乙。以上工作12月底前完成。';
    const [top] = splitItems(text);
    expect(top?.children.map((c) => text.slice(c.start, c.end))).toEqual(['一是做甲；', '二是做乙。']);
    expect(top && ownText(text, top)).toBe('要求：\n以上工作12月底前完成。');
  });

  it('returns nothing for empty text', () => {
    expect(splitItems('')).toEqual([]);
    expect(splitItems('\n\n')).toEqual([]);
  });
});

describe('leadingNumbering', () => {
  it.each<[string, string | null]>([
    ['一、推进老旧小区改造。', '一、'],
    ['（二）区财政局做乙。', '（二）'],
    ['(3)区水务局做丙。', '(3)'],
    ['1. 甲', '1.'],
    ['12、乙', '12、'],
    ['①丙', '①'],
    ['  二．丁', '二．'],
    ['由区住建委牵头做甲。', null],
    ['1.5亿元由区财政安排。', null],
    ['2026年底前完成。', null],
    ['一是做甲，二是做乙。', null],
    ['- 甲', null],
    ['', null],
  ])('%s → %s', (line, expected) => {
    expect(leadingNumbering(line)).toBe(expected);
  });
});
