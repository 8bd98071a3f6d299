import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, totpAt, verifyTotp } from './totp.ts';

// RFC 6238 appendix B vectors (SHA1, 8 digits) and RFC 4226 appendix D (HOTP, 6 digits).
const RFC_SECRET = Buffer.from('12345678901234567890');

describe('hotp (RFC 4226)', () => {
  it.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [3, '969429'],
    [9, '520489'],
  ])('counter %i → %s', (counter, code) => {
    expect(hotp(RFC_SECRET, counter)).toBe(code);
  });
});

describe('totp (RFC 6238)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('T=%i → %s', (seconds, code) => {
    expect(hotp(RFC_SECRET, Math.floor(seconds / 30), 8)).toBe(code);
  });

  it('base32 round-trips', () => {
    const bytes = Buffer.from('12345678901234567890');
    expect(base32Encode(bytes)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').equals(bytes)).toBe(true);
  });

  it('accepts the current and adjacent steps, refuses replays and far codes', () => {
    const secret = base32Encode(RFC_SECRET);
    const at = new Date(1_700_000_000_000);
    const code = totpAt(secret, at);
    const step = verifyTotp(secret, code, at, null);
    expect(step).not.toBeNull();
    expect(verifyTotp(secret, code, at, step)).toBeNull();
    expect(verifyTotp(secret, code, new Date(at.getTime() + 30_000), null)).toBe(step);
    expect(verifyTotp(secret, code, new Date(at.getTime() + 120_000), null)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', at, null)).toBeNull();
  });
});
