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

describe('a comment mentioning people who cannot read the document', () => {
  const refused = new ApiError(
    422,
    'mention_not_readable',
    'Cannot mention 孙悦, 周强: they cannot read this document',
    {
      users: [
        { id: 'u1', displayName: '孙悦' },
        { id: 'u2', displayName: '周强' },
      ],
    },
  );
  it.each([
    ['zh-CN', '孙悦、周强 无权查看该文件，不能提及。请先共享给他们，或去掉对他们的提及'],
    [
      'en',
      '孙悦, 周强 cannot read this document, so they cannot be mentioned. Share it with them first, or leave them out',
    ],
  ])('names them (%s)', (lng, expected) => {
    expect(errorMessage(i18n.getFixedT(lng), refused)).toBe(expected);
  });
});
