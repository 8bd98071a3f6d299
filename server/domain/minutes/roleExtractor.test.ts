import { describe, expect, it } from 'vitest';
import { readRoles } from './roleExtractor.ts';
import { createUnitLexicon, EMPTY_LEXICON } from './unitNames.ts';

interface Expected {
  lead?: string[];
  co?: string[];
  owners?: string[];
  coOwners?: string[];
}

const ROLES: ReadonlyArray<readonly [string, Expected]> = [
  // lead cues
  ['会议原则同意该计划，由区发改委牵头，区财政局、区住建委配合，修改完善后报区政府审定。', { lead: ['区发改委'], co: ['区财政局', '区住建委'] }],
  ['会议要求，区应急局负责组织开展冬季安全生产大检查，各镇街配合。', { lead: ['区应急局'], co: ['各镇街'] }],
  ['请区卫健委会同区市场监管局，于本月30日前提交专题报告。', { lead: ['区卫健委'], co: ['区市场监管局'] }],
  ['请区经信委会同区财政局于下月10日前梳理惠企政策。', { lead: ['区经信委'], co: ['区财政局'] }],
  ['区司法局牵头制定涉企行政检查清单，各执法部门配合。', { lead: ['区司法局'], co: ['各执法部门'] }],
  ['信息中心负责，年底前完成档案扫描。', { lead: ['信息中心'] }],
  ['公务用车一律纳入平台统一调度，由综合科负责落实，即日起执行。', { lead: ['综合科'] }],
  ['由各相关街道负责，区住建委指导，下周五前完成。', { lead: ['各相关街道'], co: ['区住建委'] }],
  ['责成区委宣传部牵头，各街道配合。', { lead: ['区委宣传部'], co: ['各街道'] }],
  ['区发改委、区财政局共同牵头，三季度前完成资金筹措。', { lead: ['区发改委', '区财政局'] }],
  ['由区发展和改革委员会牵头，会同区财政局细化项目清单。', { lead: ['区发展和改革委员会'], co: ['区财政局'] }],
  ['由区委编办、区人力社保局按程序办理相关手续。', { lead: ['区委编办', '区人力社保局'] }],
  ['青山镇人民政府牵头，区自然资源局配合。', { lead: ['青山镇人民政府'], co: ['区自然资源局'] }],
  ['国网城南供电公司负责加快变电站建设，高新区管委会配合做好用地保障。', { lead: ['国网城南供电公司'], co: ['高新区管委会'] }],
  // co cues
  ['由区政务服务中心牵头，区市场监管局、区税务局、区人力社保局按职责分工负责。', { lead: ['区政务服务中心'], co: ['区市场监管局', '区税务局', '区人力社保局'] }],
  ['区城投集团负责做好专项债券申报，区发改委给予指导。', { lead: ['区城投集团'], co: ['区发改委'] }],
  ['由执法大队按方案组织实施，法规科做好法律指导。', { lead: ['执法大队'], co: ['法规科'] }],
  ['区投资促进中心负责，区司法局协助，半个月内完成修订。', { lead: ['区投资促进中心'], co: ['区司法局'] }],
  ['区卫健委负责，区财政局、区发改委等部门配合。', { lead: ['区卫健委'], co: ['区财政局', '区发改委'] }],
  ['在区住建委指导下，各街道负责入户调查。', { lead: ['各街道'], co: ['区住建委'] }],
  ['区市场监管局联合区公安分局开展专项整治。', { lead: ['区市场监管局'], co: ['区公安分局'] }],
  ['各部门按职责分工负责落实。', { lead: ['各部门'] }],
  // primary leads outrank "负责"; support roles assist
  ['由区发改委牵头，区住建委负责项目实施。', { lead: ['区发改委'], co: ['区住建委'] }],
  ['请财务科做好资金保障，信息中心具体负责实施。', { lead: ['信息中心'], co: ['财务科'] }],
  ['党政办负责做好经费保障。', { lead: ['党政办'] }],
  // labelled fields
  ['加快项目前期手续办理。责任单位：区住建委；配合单位：区规划自然资源局、区财政局；完成时限：2026年12月20日前。', { lead: ['区住建委'], co: ['区规划自然资源局', '区财政局'] }],
  ['确保年内建成投用。责任单位：区住建委（牵头），区文旅局、区体育局。', { lead: ['区住建委'], co: ['区文旅局', '区体育局'] }],
  ['（牵头单位：区发改委，配合单位：区财政局）', { lead: ['区发改委'], co: ['区财政局'] }],
  ['牵头单位：区住建委\n责任人：区住建委副主任张伟', { lead: ['区住建委'], owners: ['张伟'] }],
  ['责任人：赵静；配合人：刘洋；完成时限：12月20日。', { owners: ['赵静'], coOwners: ['刘洋'] }],
  ['由办公室牵头，各科室配合。责任人：办公室主任杨帆。', { lead: ['办公室'], co: ['各科室'], owners: ['杨帆'] }],
  ['责任科室：食品安全科；配合科室：执法大队', { lead: ['食品安全科'], co: ['执法大队'] }],
  // people
  ['张伟同志负责协调解决产业园供电问题，李强同志配合。', { owners: ['张伟'], coOwners: ['李强'] }],
  ['赵静同志牵头做好项目用地报批，区规划自然资源局配合。', { owners: ['赵静'], co: ['区规划自然资源局'] }],
  ['请区住建委张伟同志牵头，李强、周敏同志配合。', { lead: ['区住建委'], owners: ['张伟'], coOwners: ['李强', '周敏'] }],
  ['请刘芳副区长牵头协调，区人力社保局负责，区住建委、区交通委配合。', { lead: ['区人力社保局'], co: ['区住建委', '区交通委'], owners: ['刘芳'] }],
  ['由王磊常务副区长负责协调，各镇街按职责分工做好对接服务。', { co: ['各镇街'], owners: ['王磊'] }],
  ['请分管副区长赵静同志协调，区卫健委负责。', { lead: ['区卫健委'], owners: ['赵静'] }],
  ['由周强同志牵头，区应急局负责，区水务局、区气象局配合。', { lead: ['区应急局'], co: ['区水务局', '区气象局'], owners: ['周强'] }],
  ['区教育局要倒排工期；区教育局党组书记、局长郑涛同志为第一责任人。', { lead: ['区教育局'], owners: ['郑涛'] }],
  ['由副区长刘芳牵头。', { owners: ['刘芳'] }],
  // sentence subjects when no cue names the lead
  ['会议要求，区水务局要在5个工作日内完成全区易涝点排查。', { lead: ['区水务局'] }],
  ['区消防救援大队、区应急局要切实做好冬春火灾防控工作。', { lead: ['区消防救援大队', '区应急局'] }],
  ['区应急局本周五前印发工作方案。', { lead: ['区应急局'] }],
  ['区国资委负责同志要加强跟踪督导。', { lead: ['区国资委'] }],
  ['各科室、各市场监管所要于1月10日前报送总结。', { lead: ['各科室', '各市场监管所'] }],
  // mentions that assign nothing
  ['会议听取了区发改委关于经济运行情况的汇报。', {}],
  ['会议同意区国资委提出的改革方案，改革涉及资金1.5亿元由区财政局统筹安排。', {}],
  ['11月18日下午，副区长刘芳主持召开专题会议。', {}],
  ['请区司法局按程序提请区政府常务会议备案。', { lead: ['区司法局'] }],
  ['列席：区发改委、区财政局主要负责同志', {}],
  ['区发改委负责人参加会议。', {}],
  ['鼓励社会资本参与项目建设。', {}],
  ['由于资金紧张，项目暂缓。', {}],
];

describe('readRoles', () => {
  it.each(ROLES)('%s', (text, expected) => {
    const roles = readRoles(text, EMPTY_LEXICON);
    expect({
      lead: roles.leadUnits,
      co: roles.coUnits,
      owners: roles.owners,
      coOwners: roles.coOwners,
    }).toEqual({ lead: expected.lead ?? [], co: expected.co ?? [], owners: expected.owners ?? [], coOwners: expected.coOwners ?? [] });
  });

  it.each([
    ['由区发改委牵头，区财政局配合。', 'explicit', true],
    ['由区教育局负责。', 'explicit', false],
    ['区财政局要加快拨付。', 'subject', false],
    ['会议听取了汇报。', 'none', false],
  ] as const)('%s → lead from %s (primary %s)', (text, source, primary) => {
    const roles = readRoles(text, EMPTY_LEXICON);
    expect(roles.leadSource).toBe(source);
    expect(roles.primaryLead).toBe(primary);
  });

  it('uses the directory for names without the usual shape, as written', () => {
    const lexicon = createUnitLexicon([
      { name: '区城市建设投资集团有限公司', aliases: ['城投'] },
      { name: '国网城南供电公司', aliases: ['城南供电'] },
    ]);
    const text = '由城投牵头，城南供电配合。';
    expect(readRoles(text, lexicon)).toMatchObject({ leadUnits: ['城投'], coUnits: ['城南供电'] });
    expect(readRoles(text, EMPTY_LEXICON)).toMatchObject({ leadUnits: [], coUnits: [] });
  });

  it('reports the spans of role phrases', () => {
    const text = '区财政局牵头，5个工作日内提出方案。';
    const roles = readRoles(text, EMPTY_LEXICON);
    expect(roles.spans.map(([s, e]) => text.slice(s, e))).toEqual(['区财政局牵头']);
  });
});
