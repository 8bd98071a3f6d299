import { describe, expect, it } from 'vitest';
import { readActorSpan, scanActors } from '../../../common/minutes/actorReader.ts';
import { readPerson } from '../../../common/minutes/personNames.ts';
import { isCollectiveUnit, isGenericUnit, isUnitName } from '../../../common/minutes/unitNames.ts';
import { EMPTY_LEXICON } from '../../../common/minutes/unitNames.ts';

describe('unit names by shape', () => {
  it.each([
    ['区发改委', true],
    ['区发展和改革委员会', true],
    ['区人力资源和社会保障局', true],
    ['区规划自然资源局', true],
    ['区政务服务中心', true],
    ['区委编办', true],
    ['区委', true],
    ['团区委', true],
    ['区总工会', true],
    ['区妇联', true],
    ['区公安分局', true],
    ['区消防救援大队', true],
    ['市生态环境局城南分局', true],
    ['国网城南供电公司', true],
    ['高新区管委会', true],
    ['青山镇人民政府', true],
    ['东城街道', true],
    ['办公室', true],
    ['综合科', true],
    ['信息中心', true],
    ['联席会议办公室', true],
    ['区财政局和区税务局', false], // a list, not a name
    ['根据会议意见修改完善后', false],
    ['会议要求区应急局', false],
    ['区财政局要', false],
    ['该计划', false],
    ['局', false],
  ])('%s is a unit name: %s', (name, expected) => {
    expect(isUnitName(name, 'loose')).toBe(expected);
  });

  it.each([
    ['区发改委', true],
    ['信息中心', true],
    ['具体工作区发改委', false],
    ['发展和改革委员会', false],
  ])('%s passes the strict shape: %s', (name, expected) => {
    expect(isUnitName(name, 'strict')).toBe(expected);
  });

  it.each([
    ['各镇街', true, false],
    ['各相关街道', true, false],
    ['各科室', true, true],
    ['各部门', true, true],
    ['各执法部门', true, true],
    ['各有关单位', true, true],
    ['相关单位', true, true],
    ['各镇（街道）', true, false],
    ['各市场监管所', true, false],
    ['区发改委', false, false],
  ])('%s collective=%s generic=%s', (name, collective, generic) => {
    expect(isCollectiveUnit(name)).toBe(collective);
    expect(isGenericUnit(name)).toBe(generic);
  });
});

describe('people by their cues', () => {
  it.each([
    ['张伟同志', '张伟', null],
    ['副区长刘芳', '刘芳', null],
    ['刘芳副区长', '刘芳', null],
    ['王磊常务副区长', '王磊', null],
    ['办公室主任杨帆', '杨帆', '办公室'],
    ['区住建委副主任张伟', '张伟', '区住建委'],
    ['区住建委张伟同志', '张伟', '区住建委'],
    ['技术保障中心主任钱坤', '钱坤', '技术保障中心'],
    ['分管副区长赵静同志', '赵静', null],
    ['局长郑涛同志', '郑涛', null],
    ['欧阳明华同志', '欧阳明华', null],
    ['王局长', '王局长', null],
  ])('%s → %s (unit %s)', (span, name, unit) => {
    expect(readPerson(span, EMPTY_LEXICON)).toEqual({ name, unit });
  });

  it.each(['主要负责同志', '各位同志', '区发改委', '会议要求', '负责人'])('%s is not a person', (span) => {
    expect(readPerson(span, EMPTY_LEXICON, true)).toBeNull();
  });

  it('reads a bare name only where the span is known to hold one', () => {
    expect(readPerson('杨帆', EMPTY_LEXICON)).toBeNull();
    expect(readPerson('杨帆', EMPTY_LEXICON, true)).toEqual({ name: '杨帆', unit: null });
    expect(readPerson('宣传部', EMPTY_LEXICON, true)).toBeNull();
  });
});

describe('actor lists', () => {
  it.each([
    ['区财政局、区住建委', ['区财政局', '区住建委']],
    ['区财政局和区税务局', ['区财政局', '区税务局']],
    ['区发展和改革委员会', ['区发展和改革委员会']],
    ['李强、周敏同志', ['李强', '周敏']],
    ['区财政局、区发改委等部门', ['区财政局', '区发改委']],
    ['区发改委、区财政局共同', ['区发改委', '区财政局']],
    ['根据会议意见', null],
  ])('span %s → %j', (span, names) => {
    const actors = readActorSpan(span, EMPTY_LEXICON);
    expect(actors === null ? null : actors.map((a) => a.name)).toEqual(names);
  });

  it.each([
    ['区财政局于下月10日前梳理', ['区财政局']],
    ['区卫健委会同区市场监管局', ['区卫健委']],
    ['区委编办、区人力社保局按程序办理', ['区委编办', '区人力社保局']],
    ['区发展和改革委员会牵头', ['区发展和改革委员会']],
    ['区住建委张伟同志牵头', ['张伟']],
    ['刘芳副区长牵头协调', ['刘芳']],
    ['区应急局本周五前印发', ['区应急局']],
    ['区财政局制定工作办法', ['区财政局']],
    ['根据会议意见修改', []],
  ])('scan %s → %j', (text, names) => {
    expect(scanActors(text, 0, EMPTY_LEXICON).actors.map((a) => a.name)).toEqual(names);
  });

  it('reads "（牵头）" marks in a list', () => {
    const actors = readActorSpan('区住建委（牵头），区文旅局、区体育局', EMPTY_LEXICON);
    expect(actors?.map((a) => [a.name, a.leadMark])).toEqual([
      ['区住建委', true],
      ['区文旅局', false],
      ['区体育局', false],
    ]);
  });
});
