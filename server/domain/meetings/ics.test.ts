import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, icsDate } from './ics.ts';

describe('ics', () => {
  it('writes UTC times, escapes text and ends lines with CRLF', () => {
    const ics = buildIcs({
      uid: 'm1@tongban',
      sequence: 2,
      stamp: new Date('2026-11-21T08:00:00.123Z'),
      start: new Date('2026-12-01T01:00:00Z'),
      end: new Date('2026-12-01T03:30:00Z'),
      title: '区政府常务会议; 第12次',
      description: '议程：\n1. 预算, 调整',
      location: '三楼第一会议室',
      url: 'http://localhost:3000/meetings/m1',
      cancelled: false,
    });
    const lines = ics.split('\r\n');
    expect(lines).toContain('DTSTART:20261201T010000Z');
    expect(lines).toContain('DTEND:20261201T033000Z');
    expect(lines).toContain('DTSTAMP:20261121T080000Z');
    expect(lines).toContain('SUMMARY:区政府常务会议\\; 第12次');
    expect(lines).toContain('DESCRIPTION:议程：\\n1. 预算\\, 调整');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('marks a cancelled meeting', () => {
    const ics = buildIcs({
      uid: 'x',
      sequence: 3,
      stamp: new Date(0),
      start: new Date(0),
      end: new Date(3600_000),
      title: 't',
      description: '',
      location: '',
      url: null,
      cancelled: true,
    });
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).not.toContain('DESCRIPTION');
  });

  it.each([
    ['a\\b', 'a\\\\b'],
    ['a;b,c', 'a\\;b\\,c'],
    ['line1\r\nline2\nline3', 'line1\\nline2\\nline3'],
  ])('escapes %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('folds long lines at 75 octets without splitting a Chinese character', () => {
    const line = `SUMMARY:${'会议'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
    expect(icsDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });
});
