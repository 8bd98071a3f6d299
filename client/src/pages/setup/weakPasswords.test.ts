// A refused setup names the administrator of each weak password, in the interface language.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http.ts';
import en from '../../i18n/en.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { weakPasswords } from './weakPasswords.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

const refused = new ApiError(400, 'weak_password', 'Passwords that do not meet the policy', {
  account: 'security',
  problems: ['too_short'],
  minLength: 12,
  accounts: [
    { account: 'security', problems: ['too_short'] },
    { account: 'audit', problems: ['contains_username', 'too_few_classes'] },
  ],
});

describe('weak administrator passwords at setup', () => {
  it('names each administrator whose password was refused (zh-CN)', () => {
    expect(weakPasswords(i18n.getFixedT('zh-CN'), refused)).toEqual([
      { account: 'security', message: '安全保密管理员的初始密码不符合安全要求：至少 12 个字符' },
      {
        account: 'audit',
        message: '安全审计员的初始密码不符合安全要求：不能包含用户名；需包含大写字母、小写字母、数字、符号中的至少三类',
      },
    ]);
  });

  it('names them in English too', () => {
    expect(weakPasswords(i18n.getFixedT('en'), refused).map((w) => w.message)).toEqual([
      'Security administrator: the initial password does not meet the policy (at least 12 characters)',
      'Audit administrator: the initial password does not meet the policy (must not contain the user name; at least three of: upper case, lower case, digits, symbols)',
    ]);
  });

  it('leaves other failures to the general message', () => {
    expect(weakPasswords(i18n.getFixedT('zh-CN'), new ApiError(403, 'invalid_setup_token', 'expired'))).toEqual([]);
    expect(
      weakPasswords(
        i18n.getFixedT('zh-CN'),
        new ApiError(400, 'weak_password', 'old server', { problems: ['too_short'], minLength: 10 }),
      ),
    ).toEqual([]);
  });
});
