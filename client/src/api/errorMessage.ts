// Turns any failure into a sentence for the user, in the interface language, from the server's error code.
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import zhCN from '../i18n/zh-CN.ts';
import { ApiError } from './http.ts';
import { listOf } from '../i18n/punctuation.ts';

type ErrorCode = keyof typeof zhCN.errors;
type PasswordProblem = keyof typeof zhCN.passwordProblems;

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(zhCN.errors, code);
}

function isPasswordProblem(p: unknown): p is PasswordProblem {
  return typeof p === 'string' && Object.hasOwn(zhCN.passwordProblems, p);
}

function detail<T>(details: unknown, key: string, guard: (v: unknown) => v is T): T | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const value: unknown = (details as Record<string, unknown>)[key];
  return guard(value) ? value : undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const bytesToMb = (bytes: number | undefined) =>
  bytes === undefined ? undefined : Math.round((bytes / 1024 / 1024) * 10) / 10;

/** When a locked account may try again, if the server said. */
export function lockedUntil(err: unknown): Date | null {
  if (!(err instanceof ApiError) || err.code !== 'account_locked') return null;
  const until = detail(err.details, 'lockedUntil', isString);
  return until ? new Date(until) : null;
}

export function errorMessage(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError))
    return t('errors.generic', { message: err instanceof Error ? err.message : String(err) });
  switch (err.code) {
    case 'account_locked': {
      const until = lockedUntil(err);
      return until
        ? t('errors.account_locked', { until: dayjs(until).format('YYYY-MM-DD HH:mm') })
        : t('errors.account_locked_plain');
    }
    case 'weak_password': {
      const minLength = detail(err.details, 'minLength', isNumber) ?? 10;
      const problems = (detail(err.details, 'problems', isArray) ?? []).filter(isPasswordProblem);
      const text = listOf(
        t,
        problems.map((p) => t(`passwordProblems.${p}`, { minLength })),
        'semicolon',
      );
      return t('errors.weak_password', { problems: text || err.message });
    }
    case 'file_too_large': {
      // The server names its limit (TONGBAN_MAX_UPLOAD_MB, TONGBAN_SUPERVISION_ATTACHMENT_MB, …) in MB.
      const limit = detail(err.details, 'maxMb', isNumber) ?? bytesToMb(detail(err.details, 'maxBytes', isNumber));
      return limit === undefined ? t('errors.file_too_large_plain') : t('errors.file_too_large', { limit });
    }
    case 'mention_not_readable': {
      // The people the comment mentions who cannot read the document, by display name.
      const users = (detail(err.details, 'users', isArray) ?? []).flatMap((u) =>
        typeof u === 'object' && u !== null && isString((u as { displayName?: unknown }).displayName)
          ? [(u as { displayName: string }).displayName]
          : [],
      );
      return t('errors.mention_not_readable', { names: listOf(t, users) || err.message });
    }
    case 'invalid_request':
      return t('errors.invalid_request', { message: err.message.replace(/^Invalid request:\s*/, '') });
    case 'bad_request':
      return t('errors.generic', { message: err.message });
    default:
      return isErrorCode(err.code) ? t(`errors.${err.code}`) : t('errors.generic', { message: err.message });
  }
}
