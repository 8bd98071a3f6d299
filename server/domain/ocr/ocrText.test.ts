import { describe, expect, it } from 'vitest';
import { joinPages, tidyOcrText } from './ocrText.ts';

describe('tidyOcrText', () => {
  it.each([
    ['关 于 做 好 防 汛 工 作 的 通 知', '关于做好防汛工作的通知'],
    ['各 街 道 办 事 处 ， 区 政 府 各 部 门 ：', '各街道办事处，区政府各部门：'],
    ['各部门: 请于周五前报送, 逾期不候!', '各部门：请于周五前报送，逾期不候！'],
    ['时间 9:30, 地点 A 座', '时间9:30, 地点A座'],
    ['2026 年 3 月 10 日', '2026年3月10日'],
    ['PDF 文 件 and Word files', 'PDF文件and Word files'],
    ['  缩 进  \t', '缩进'],
    ['第 一 页\f', '第一页'],
    ['一\n\n\n\n二', '一\n\n二'],
    ['', ''],
  ])('%j → %j', (raw, tidy) => {
    expect(tidyOcrText(raw)).toBe(tidy);
  });
});

describe('joinPages', () => {
  it('puts a blank line between pages and skips empty ones', () => {
    expect(joinPages(['甲', '', '乙'])).toBe('甲\n\n乙');
    expect(joinPages([])).toBe('');
  });
});
