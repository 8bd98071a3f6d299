import { describe, expect, it } from 'vitest';
import { monthWeeks, placeSideBySide, weekDays } from './calendarLayout.ts';

describe('calendar days', () => {
  it('starts the week on Monday', () => {
    expect(weekDays('2026-03-13')).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ]);
  });

  it.each([
    ['2026-03-13', 6, '2026-02-23', '2026-04-05'],
    ['2026-02-01', 5, '2026-01-26', '2026-03-01'],
    ['2027-02-14', 4, '2027-02-01', '2027-02-28'],
    ['2026-06-30', 5, '2026-06-01', '2026-07-05'],
  ])('shows %s in %i whole weeks from %s to %s', (date, weeks, first, last) => {
    const page = monthWeeks(date);
    expect(page).toHaveLength(weeks);
    expect(page[0]![0]).toBe(first);
    expect(page.at(-1)![6]).toBe(last);
  });
});

describe('placeSideBySide', () => {
  const at = (id: string, from: string, to: string) => {
    const min = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3));
    return { id, start: min(from), end: min(to) };
  };
  const layout = (...spans: ReturnType<typeof at>[]) =>
    Object.fromEntries(placeSideBySide(spans).map((p) => [p.id, `${p.column}/${p.columns}`]));

  it('gives an event alone the whole width', () => {
    expect(layout(at('a', '09:00', '10:00'), at('b', '10:00', '11:00'))).toEqual({ a: '0/1', b: '0/1' });
  });

  it('puts overlapping events side by side, and reuses a column once it is free', () => {
    expect(
      layout(
        at('a', '09:00', '11:00'),
        at('b', '09:30', '10:00'),
        at('c', '10:00', '10:30'),
        at('d', '12:00', '13:00'),
      ),
    ).toEqual({ a: '0/2', b: '1/2', c: '1/2', d: '0/1' });
  });

  it('makes a chain of overlaps as narrow as its widest moment', () => {
    expect(layout(at('a', '09:00', '10:00'), at('b', '09:30', '11:00'), at('c', '09:45', '10:15'))).toEqual({
      a: '0/3',
      b: '1/3',
      c: '2/3',
    });
  });

  it('gives an event of no length a sliver so it still shows', () => {
    expect(layout(at('a', '09:00', '09:00'), at('b', '09:00', '09:30'))).toEqual({ a: '1/2', b: '0/2' });
  });
});
