import { describe, expect, it } from 'vitest';
import { pinyinInitials } from './pinyinInitials.ts';

describe('pinyinInitials', () => {
  it.each([
    ['陈明', 'CM'],
    ['刘芳', 'LF'],
    ['王磊', 'WL'],
    ['赵静', 'ZJ'],
    ['欧阳娜娜', 'OYNN'],
    ['郭敏', 'GM'],
    ['冯杰', 'FJ'],
    ['区发改委', 'QFGW'],
    ['督查室', 'DCS'],
    ['Li Hua 李华', 'LIHUALH'],
    ['', ''],
    ['·（）', ''],
  ])('%s → %s', (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials);
  });

  it('gives every common surname the initial of its pinyin', () => {
    const surnames: Array<[string, string]> = [
      ['安艾', 'A'],
      ['白包鲍贝', 'B'],
      ['蔡曹崔', 'C'],
      ['丁董杜段邓', 'D'],
      ['范方付傅', 'F'],
      ['高龚顾', 'G'],
      ['韩郝贺侯胡', 'H'],
      ['姜蒋金', 'J'],
      ['康孔', 'K'],
      ['罗吕卢鲁龙陆梁雷黎廖', 'L'],
      ['莫毛孟苗', 'M'],
      ['彭潘', 'P'],
      ['秦钱邱', 'Q'],
      ['任', 'R'],
      ['宋沈石史施', 'S'],
      ['唐田谭', 'T'],
      ['万魏汪', 'W'],
      ['夏肖谢', 'X'],
      ['叶袁于余姚易尹', 'Y'],
      ['朱邹钟', 'Z'],
    ];
    for (const [chars, initial] of surnames) expect(pinyinInitials(chars), chars).toBe(initial.repeat(chars.length));
  });
});
