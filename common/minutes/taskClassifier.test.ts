import { describe, expect, it } from 'vitest';
import { readDeadline } from './deadlineResolver.ts';
import { readRoles, type RoleSet } from './roleExtractor.ts';
import { classifyItem, type NonTaskReason } from './taskClassifier.ts';
import { EMPTY_LEXICON } from './unitNames.ts';

function verdict(text: string, inherited: RoleSet | null = null): true | NonTaskReason {
  const v = classifyItem({
    text,
    roles: readRoles(text, EMPTY_LEXICON),
    deadline: readDeadline(text, '2026-11-18'),
    inherited,
    inheritedDue: false,
  });
  return v.task ? true : v.reason;
}

describe('classifyItem', () => {
  it.each<[string, true | NonTaskReason]>([
    // assignments
    ['会议原则同意该计划，由区发改委牵头，修改完善后报区政府审定。', true],
    ['会议决定，公务用车一律纳入平台统一调度，由综合科负责落实，即日起执行。', true],
    ['请区司法局按程序印发实施。', true],
    ['会议要求，区水务局要在5个工作日内完成易涝点排查。', true],
    ['区委督查室要加强明查暗访。', true],
    ['会议通报了近期安全生产事故情况。会议要求，区应急局本周五前印发工作方案。', true],
    ['会议同意区国资委提出的改革方案。区国资委负责同志要加强跟踪督导，长期坚持。', true],
    ['加快完成一线环卫工人防暑降温物资发放，一周内发放到位。', true],
    ['各项目责任单位要抓紧开展前期工作，明年一季度前全部开工。', true],
    ['由各镇街负责，12月底前完成排查。', true],
    ['责任人：赵静；完成时限：12月20日。', true],
    // records of the meeting
    ['会议听取了区发改委关于经济运行情况的汇报。会议指出，今年以来全区经济运行总体平稳。', 'decision'],
    ['会议同意将南苑小区纳入2027年改造计划。', 'decision'],
    ['会议通报了近期督查检查情况。', 'decision'],
    ['会议审议通过了《区数据局2026年工作要点》。', 'decision'],
    ['会议研究了有关人事任免事项。', 'decision'],
    ['会议强调，区财政局要高度重视资金安全。', 'decision'],
    // exhortations to everyone
    ['会议强调，各部门要持续改进工作作风，长期坚持。', 'exhortation'],
    ['各参会单位要高度重视项目推进工作。', 'exhortation'],
    ['各部门要按照职责分工负责，抓好落实。', 'exhortation'],
    ['会议要求，各市场监管所加强值班值守，确保节日期间市场秩序平稳。', 'exhortation'],
    // headers, headings, nothing assigned
    ['出席：陈明、刘芳、王磊', 'header'],
    ['11月18日下午，副区长刘芳主持召开专题会议，研究老旧小区改造推进工作。纪要如下：', 'header'],
    ['关于老旧小区改造工作', 'heading'],
    ['会议决定，成立机关作风建设领导小组，主任杨光任组长。', 'decision'],
    ['今年以来全区经济运行总体平稳。', 'noAssignment'],
    ['', 'empty'],
  ])('%s → %s', (text, expected) => {
    expect(verdict(text)).toBe(expected);
  });

  it('lets a sub-item work for the lead its parent named', () => {
    const parent: RoleSet = { leadUnits: ['区农业农村委'], coUnits: [], owners: [], coOwners: [] };
    expect(verdict('组织农资储备调运；', parent)).toBe(true);
    expect(verdict('组织农资储备调运；')).toBe('noAssignment');
    const everyone: RoleSet = { leadUnits: ['各部门'], coUnits: [], owners: [], coOwners: [] };
    expect(verdict('加强值班值守；', everyone)).toBe('exhortation');
  });
});
