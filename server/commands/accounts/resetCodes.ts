// The one-time code of a two-person password reset: two halves of 8 characters (40 bits each), one shown to the system
// administrator and one to the security administrator, both handed to the user. Only SHA-256 digests are stored.
import { randomInt } from 'node:crypto';
import { safeEqual, sha256 } from '../../security/tokens.ts';

/** No I, O, 0 or 1: read aloud or copied from paper without doubt. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const HALF_LENGTH = 8;

/** How long a reset may wait for approval and for the user, from the request. */
export const RESET_VALID_MS = 24 * 3_600_000;
/** Wrong codes tried against one reset before it closes and a new one must be requested. */
export const RESET_MAX_ATTEMPTS = 5;

/** A new half, shown as XXXX-XXXX. */
export function newResetHalf(): { code: string; hash: string } {
  const raw = Array.from({ length: HALF_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, hash: digestOf(raw) };
}

/** As typed by the user: any case, with or without the dash and spaces. */
function normalise(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

function digestOf(normalised: string): string {
  return sha256(`tongban-password-reset:${normalised}`);
}

export function halfMatches(code: string, hash: string | null): boolean {
  return hash !== null && safeEqual(digestOf(normalise(code)), hash);
}
