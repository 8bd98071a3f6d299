import { describe, expect, it } from 'vitest';
import { readDeadline } from './deadlineResolver.ts';
import { readRoles } from './roleExtractor.ts';
import { summarizeTitle, TITLE_MAX } from './titleSummarizer.ts';
import { EMPTY_LEXICON } from './unitNames.ts';

function title(text: string): string {
  const removed = [
    ...readRoles(text, EMPTY_LEXICON).spans.map(([start, end]) => ({ start, end })),
    ...readDeadline(text, '2026-11-18').matches.map(({ start, end }) => ({ start, end })),
  ];
  return summarizeTitle(text, removed);
}

describe('summarizeTitle', () => {
  it.each([
    [
      '会议要求，区应急局负责组织开展冬季安全生产大检查，各镇街配合，12月底前完成全覆盖检查。',
      '组织开展冬季安全生产大检查，完成全覆盖检查',
    ],
    ['请区卫健委会同区市场监管局，于本月30日前提交流感防控工作专题报告。', '提交流感防控工作专题报告'],
    [
      '加快项目前期手续办理。责任单位：区住建委；配合单位：区财政局；完成时限：2026年12月20日前。',
      '加快项目前期手续办理',
    ],
    [
      '关于车辆管理。会议决定，公务用车一律纳入平台统一调度，由综合科负责落实，即日起执行。',
      '车辆管理：公务用车一律纳入平台统一调度',
    ],
    [
      '关于年度工作总结。由办公室牵头，各科室配合，12月25日前形成年度工作总结初稿。责任人：办公室主任杨帆。',
      '形成年度工作总结初稿',
    ],
    [
      '会议研究了《2027年重大项目建设计划（征求意见稿）》。会议原则同意该计划，由区发改委牵头，根据会议意见修改完善后，于2026年12月15日前报区政府审定。',
      '《2027年重大项目建设计划》：根据会议意见修改完善后，报区政府审定',
    ],
    ['关于项目签约仪式。责任人：赵静；配合人：刘洋；完成时限：12月20日。', '项目签约仪式'],
    [
      '张伟同志负责协调解决产业园供电问题，李强同志配合，12月4日前拿出解决方案。',
      '协调解决产业园供电问题，拿出解决方案',
    ],
  ])('%s → %s', (text, expected) => {
    expect(title(text)).toBe(expected);
  });

  it(`stays within ${TITLE_MAX} characters`, () => {
    const long =
      '由区发改委牵头，全面梳理全区重大项目建设中存在的用地、用林、用海、环评、能评等各类要素保障问题并逐项提出解决措施。';
    const result = title(long);
    expect(result.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(result.endsWith('…')).toBe(true);
  });
});
