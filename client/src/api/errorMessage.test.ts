// Error sentences from the server's codes and details: a file over the limit names the limit, in both languages;
// the meetings and supervision pages say the same.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.ts';
import zhCN from '../i18n/zh-CN.ts';
import { supervisionError } from '../pages/supervision/supervisionLabels.tsx';
import { meetingErrorText } from '../pages/meetings/meetingErrorText.ts';
import { errorMessage } from './errorMessage.ts';
import { ApiError } from './http.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

const tooLarge = (details?: unknown) =>
  new ApiError(413, 'file_too_large', 'The file is too large: the limit is 50 MB', details);

describe('a file over the size limit', () => {
  it.each([
    ['zh-CN', { maxBytes: 50 * 1024 * 1024, maxMb: 50 }, '文件过大，上限 50 MB'],
    ['en', { maxBytes: 50 * 1024 * 1024, maxMb: 50 }, 'File too large: the limit is 50 MB'],
    ['zh-CN', { maxBytes: 20 * 1024 * 1024 }, '文件过大，上限 20 MB'],
    ['en', undefined, 'The file is too large'],
  ])('%s %j', (lng, details, expected) => {
    const t = i18n.getFixedT(lng);
    expect(errorMessage(t, tooLarge(details))).toBe(expected);
    expect(meetingErrorText(t, tooLarge(details))).toBe(expected);
    expect(supervisionError(t, tooLarge(details))).toBe(expected);
  });
});
