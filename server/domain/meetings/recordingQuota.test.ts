import { describe, expect, it } from 'vitest';
import { reservationFits } from './recordingQuota.ts';

const MB = 1024 * 1024;

describe('recording quota', () => {
  it.each([
    { kept: 0, reserved: 0, reservation: 100, quota: 300, fits: true },
    { kept: 100, reserved: 100, reservation: 100, quota: 300, fits: true },
    { kept: 150, reserved: 100, reservation: 100, quota: 300, fits: false },
    { kept: 0, reserved: 200, reservation: 101, quota: 300, fits: false },
    { kept: 300, reserved: 0, reservation: 1, quota: 300, fits: false },
    { kept: 0, reserved: 0, reservation: 301, quota: 300, fits: false },
  ])('kept $kept + reserved $reserved, asking $reservation of $quota MB: $fits', (c) => {
    const use = { keptBytes: c.kept * MB, reservedBytes: c.reserved * MB };
    expect(reservationFits(use, c.reservation * MB, c.quota * MB)).toBe(c.fits);
  });
});
