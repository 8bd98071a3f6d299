import { describe, expect, it } from 'vitest';
import { extractTasks } from './minutesExtractor.ts';
import { scanTables } from './tableRows.ts';

const SHEET = [
  '防汛专题会议议定事项',
  '',
  '| 序号 | 督办事项 | 牵头单位 | 配合单位 | 责任人 | 完成时限 |',
  '|---|---|---|---|---|---|',
  '| 1 | 完成易涝点泵站检修 | 区城管局 | 区水务局、各街道 | 赵明 | 7月31日前 |',
  '| 2 | 组织人员转移演练 | 各镇（街道） |  |  | 5个工作日内 |',
  '| 3 | — | — | — | — | — |',
  '',
  '会议原则通过了《防汛应急预案》。',
].join('\n');

describe('scanTables', () => {
  it('reads each data row as a labelled line and blanks the table for the item splitter', () => {
    const { rows, rest } = scanTables(SHEET);
    expect(rows.map((r) => r.labelled)).toEqual([
      '完成易涝点泵站检修。牵头单位：区城管局；配合单位：区水务局、各街道；责任人：赵明；完成时限：7月31日前。',
      '组织人员转移演练。牵头单位：各镇（街道）；完成时限：5个工作日内。',
    ]);
    expect(rest.length).toBe(SHEET.length);
    expect(rest).not.toContain('|');
    expect(rest).toContain('防汛应急预案');
  });

  it('leaves tables without a field column alone', () => {
    const text = '| 时间 | 内容 |\n|---|---|\n| 9:00 | 报到 |';
    expect(scanTables(text).rows).toEqual([]);
  });
});

describe('extractTasks on a 督办 table', () => {
  it('proposes one task per row, with the row as its source', () => {
    const tasks = extractTasks(SHEET, { meetingDate: '2026-07-20' });
    expect(tasks.map((t) => [t.title, t.leadUnits, t.coUnits, t.owners, t.due, t.sourceText.startsWith('| ')])).toEqual(
      [
        ['完成易涝点泵站检修', ['区城管局'], ['区水务局', '各街道'], ['赵明'], '2026-07-31', true],
        ['组织人员转移演练', ['各镇（街道）'], [], [], '2026-07-27', true],
      ],
    );
  });
});
