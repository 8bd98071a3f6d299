import type { JSONContent } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../../common/schema/documentSchema.ts';
import { extractTasks } from '../../../../common/minutes/minutesExtractor.ts';
import { extractionText, proposalsIn } from './extractionText.ts';

const p = (text: string): JSONContent => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const doc = (...content: JSONContent[]) => PmNode.fromJSON(documentSchema(), { type: 'doc', content });

describe('extractionText', () => {
  it('joins the text blocks with line breaks, numbering ordered list items as printed', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '会议纪要' }] },
      p('一、区财政局负责。'),
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          { type: 'listItem', content: [p('甲')] },
          { type: 'listItem', content: [p('乙')] },
        ],
      },
    );
    const { text, blocks } = extractionText(d);
    expect(text).toBe('会议纪要\n一、区财政局负责。\n3. 甲\n4. 乙');
    expect(blocks.map((b) => [text.slice(b.start, b.start + b.node.content.size), b.convertible])).toEqual([
      ['会议纪要', false],
      ['一、区财政局负责。', true],
      ['甲', false],
      ['乙', false],
    ]);
  });

  it('counts a hard break as one character, so offsets stay offsets in the content', () => {
    const d = doc({
      type: 'paragraph',
      content: [{ type: 'text', text: '一、甲' }, { type: 'hardBreak' }, { type: 'text', text: '乙' }],
    });
    const { text, blocks } = extractionText(d);
    expect(text).toBe('一、甲\n乙');
    expect(blocks[0]?.node.content.size).toBe(5);
  });
});

describe('proposalsIn', () => {
  const meetingDate = '2026-06-10';

  it('proposes, per numbered paragraph, the items the extractor found inside it', () => {
    const d = doc(
      p('会议议定事项如下：'),
      p('一、区发改委牵头，区财政局配合，于本月底前完成老旧小区改造资金测算。'),
      p('二、会议听取了区卫健委关于传染病防控工作的汇报。'),
      p('三、由张伟同志负责，于2026年9月30日前报送方案。'),
    );
    const extraction = extractionText(d);
    const proposals = proposalsIn(extraction, extractTasks(extraction.text, { meetingDate }));
    // Each item is the whole paragraph here, from its number to its full stop.
    expect(
      proposals.map((x) => [
        x.text.slice(0, 2),
        x.tasks.map((t) => [t.from, t.to === x.text.length, t.task.leadUnits, t.task.owners, t.task.due]),
      ]),
    ).toEqual([
      ['一、', [[0, true, ['区发改委'], [], '2026-06-30']]],
      ['三、', [[0, true, [], ['张伟'], '2026-09-30']]],
    ]);
    // The position is the paragraph's, so a conversion finds it.
    expect(d.nodeAt(proposals[0]?.pos ?? -1)?.textContent).toBe(proposals[0]?.text);
  });

  it('leaves out a task that runs over several paragraphs and paragraphs that are decision items already', () => {
    const d = doc(
      {
        type: 'decisionItem',
        attrs: { id: 'item-0001' },
        content: [{ type: 'text', text: '一、区财政局负责，6月30日前完成。' }],
      },
      p('二、区住建委牵头做好以下工作：'),
      p('（一）排查燃气管道；'),
      p('（二）整改消防通道。'),
    );
    const extraction = extractionText(d);
    const tasks = extractTasks(extraction.text, { meetingDate });
    expect(tasks.length).toBeGreaterThan(0);
    const proposals = proposalsIn(extraction, tasks);
    expect(proposals.every((x) => !x.text.startsWith('一、'))).toBe(true);
    for (const x of proposals) for (const t of x.tasks) expect(t.to).toBeLessThanOrEqual(x.text.length);
  });
});
