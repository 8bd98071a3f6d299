// Glued interface text follows the interface language: 、：（） in Chinese, ", : ( )" in English.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from './en.ts';
import { labelColon, labelled, listOf, withNote } from './punctuation.ts';
import zhCN from './zh-CN.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

describe('punctuation in the interface language', () => {
  it.each([
    ['zh-CN', '时间：09:00', '签名：', '区发改委、区财政局', '甲；乙', '陈明（区长）', '陈明'],
    ['en', 'Time: 09:00', 'Signature: ', '区发改委, 区财政局', '甲; 乙', '陈明 (区长)', '陈明'],
  ])('%s', (lng, label, colon, enumeration, semicolon, note, noNote) => {
    const t = i18n.getFixedT(lng);
    expect(labelled(t, lng === 'en' ? 'Time' : '时间', '09:00')).toBe(label);
    expect(labelColon(t, lng === 'en' ? 'Signature' : '签名')).toBe(colon);
    expect(listOf(t, ['区发改委', '区财政局'])).toBe(enumeration);
    expect(listOf(t, ['甲', '乙'], 'semicolon')).toBe(semicolon);
    expect(withNote(t, '陈明', '区长')).toBe(note);
    expect(withNote(t, '陈明', null)).toBe(noNote);
  });
});
