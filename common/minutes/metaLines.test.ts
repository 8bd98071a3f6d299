import { describe, expect, it } from 'vitest';
import { isMetaLine, isTitleLine } from './metaLines.ts';

describe('isMetaLine', () => {
  it.each([
    ['出席：陈明、刘芳', true],
    ['列席：区发改委主要负责同志', true],
    ['请假：李娜（出差）', true],
    ['记录：孙悦', true],
    ['主持：王局长', true],
    ['主 持 人：王磊', true],
    ['**时间**：2026年2月3日', true],
    ['参会人员：王磊、张伟', true],
    ['抄送：区委办公室。', true],
    ['区政府办公室                    2026年12月10日印发', true],
    ['（此页无正文）', true],
    ['请区卫健委会同区市场监管局提交报告。', false],
    ['责任单位：区住建委', false],
    ['会议要求，区应急局负责检查。', false],
  ])('%s → %s', (line, expected) => {
    expect(isMetaLine(line)).toBe(expected);
  });

  it.each([
    ['区政府第42次常务会议纪要', true],
    ['关于老旧小区改造工作的专题会议纪要', true],
    ['会议纪要如下：', false],
    ['会议听取了汇报。', false],
  ])('%s is a title: %s', (line, expected) => {
    expect(isTitleLine(line)).toBe(expected);
  });
});
