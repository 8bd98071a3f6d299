// The online part of a meeting: a numeric passcode, the random code in the join link, and the link itself.
import { randomBytes, randomInt } from 'node:crypto';

export const PASSCODE_DIGITS = 6;

/** A numeric passcode for the online part, and the random code in the join link. */
export function newOnlineAccess(): { passcode: string; joinCode: string } {
  const digits = Array.from({ length: PASSCODE_DIGITS }, () => randomInt(10)).join('');
  return { passcode: digits, joinCode: randomBytes(12).toString('base64url') };
}

export function joinUrl(svc: { config: { publicUrl: string } }, joinCode: string): string {
  return `${svc.config.publicUrl}/meetings/join/${joinCode}`;
}
