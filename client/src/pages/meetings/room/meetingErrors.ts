// A meeting refusal code → the sentence to show (keys under meetingRoom.errors).
import type { TFunction } from 'i18next';
import zhCN from '../../../i18n/zh-CN.ts';

type MeetingErrorCode = keyof typeof zhCN.meetingRoom.errors;

export function meetingErrorText(t: TFunction, code: string | null): string {
  const known = code !== null && Object.hasOwn(zhCN.meetingRoom.errors, code);
  return t(`meetingRoom.errors.${known ? (code as MeetingErrorCode) : 'unknown'}`);
}

/** Refusals the person can fix on the join form by giving (another) passcode. */
export function needsPasscode(code: string | null): boolean {
  return code === 'passcode_required' || code === 'wrong_passcode' || code === 'passcode_attempts';
}
