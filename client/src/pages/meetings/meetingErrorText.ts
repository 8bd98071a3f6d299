// The meetings module's error codes in the interface language; anything else falls back to the shared messages.
import type { TFunction } from 'i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { ApiError } from '../../api/http.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { listOf } from '../../i18n/punctuation.ts';

type Code = keyof typeof zhCN.meetings.errors;

export function meetingErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && Object.hasOwn(zhCN.meetings.errors, err.code)) {
    const details = (err.details ?? {}) as { users?: Array<{ displayName?: string }> };
    const names = listOf(t, (details.users ?? []).map((u) => u.displayName ?? '').filter(Boolean));
    return t(`meetings.errors.${err.code as Code}`, { names });
  }
  return errorMessage(t, err);
}
