// The minutes' and proposals' own refusals in the interface language (the server's messages are for logs and API
// users); anything else falls back to the supervision and application texts. A refused proposal is named by its title.
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/http.ts';
import zhCN from '../../../i18n/zh-CN.ts';
import { supervisionError } from '../../supervision/supervisionLabels.tsx';

type MinutesErrorCode = keyof typeof zhCN.minutes.errors;

const isMinutesCode = (code: string): code is MinutesErrorCode => Object.hasOwn(zhCN.minutes.errors, code);

/** The proposal a 422 from confirming is about (the server names it in the details). */
export function refusedProposal(err: unknown): { proposalId: string; field: string } | null {
  if (!(err instanceof ApiError) || typeof err.details !== 'object' || err.details === null) return null;
  const { proposalId, field } = err.details as Record<string, unknown>;
  return typeof proposalId === 'string' && typeof field === 'string' ? { proposalId, field } : null;
}

export function minutesError(
  t: TFunction,
  err: unknown,
  titleOf: (proposalId: string) => string | undefined = () => undefined,
): string {
  if (!(err instanceof ApiError)) return supervisionError(t, err);
  // minutes_drafting, minutes_confirming, minutes_closed: the step does not fit where the minutes now stand.
  const code = err.code.startsWith('minutes_') && !isMinutesCode(err.code) ? 'minutes_moved_on' : err.code;
  if (!isMinutesCode(code)) return supervisionError(t, err);
  const refused = refusedProposal(err);
  return t(`minutes.errors.${code}`, { title: (refused && titleOf(refused.proposalId)) ?? '' });
}
