import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { minutesSigningKey, signMinutes, verifyMinutesSignature, type MinutesStatement } from './minutesSignature.ts';

const master = randomBytes(32);
const key = minutesSigningKey(master);
const statement: MinutesStatement = {
  meetingId: 'm-1',
  documentId: 'd-1',
  versionId: 'v-1',
  contentHash: 'a'.repeat(64),
  closedAt: new Date('2026-11-20T03:00:00Z'),
  closedById: 'u-1',
};

describe('minutes signature', () => {
  it('signs deterministically and verifies', () => {
    const sig = signMinutes(key, statement);
    expect(sig).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(signMinutes(key, statement)).toBe(sig);
    expect(verifyMinutesSignature(key, statement, sig)).toBe(true);
  });

  it.each<[string, Partial<MinutesStatement>]>([
    ['another content hash', { contentHash: 'b'.repeat(64) }],
    ['another version', { versionId: 'v-2' }],
    ['another time', { closedAt: new Date('2026-11-20T03:00:01Z') }],
    ['another signer', { closedById: 'u-2' }],
  ])('fails for %s', (_label, change) => {
    expect(verifyMinutesSignature(key, { ...statement, ...change }, signMinutes(key, statement))).toBe(false);
  });

  it('uses a key of its own, not the master key, and fails under another key', () => {
    expect(key.equals(master)).toBe(false);
    expect(verifyMinutesSignature(minutesSigningKey(randomBytes(32)), statement, signMinutes(key, statement))).toBe(
      false,
    );
  });
});
