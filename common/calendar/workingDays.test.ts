import { describe, expect, it } from 'vitest';
import { addDays, isWeekend } from './isoDate.ts';
import { OFFICIAL_SCHEDULES } from './chinaHolidaySchedule.ts';
import {
  addWorkingDays,
  addWorkingDaysDetailed,
  dayInfo,
  hasOfficialSchedule,
  isWorkingDay,
  officialScheduleYears,
} from './workingDays.ts';

describe('isWorkingDay', () => {
  it.each([
    // 2026 (国办发明电〔2025〕7号)
    ['2026-01-01', false, '元旦'],
    ['2026-01-02', false, '元旦 (Friday off)'],
    ['2026-01-03', false, '元旦 (Saturday)'],
    ['2026-01-04', true, 'Sunday make-up day for 元旦'],
    ['2026-02-14', true, 'Saturday make-up day before 春节'],
    ['2026-02-15', false, '春节 starts'],
    ['2026-02-23', false, '春节 last day (Monday)'],
    ['2026-02-24', true, 'back to work'],
    ['2026-02-28', true, 'Saturday make-up day after 春节'],
    ['2026-04-06', false, '清明 Monday'],
    ['2026-05-05', false, '劳动节'],
    ['2026-05-09', true, 'Saturday make-up day for 劳动节'],
    ['2026-06-19', false, '端午 Friday'],
    ['2026-09-20', true, 'Sunday make-up day for 国庆'],
    ['2026-09-25', false, '中秋 Friday'],
    ['2026-10-07', false, '国庆 last day'],
    ['2026-10-10', true, 'Saturday make-up day for 国庆'],
    ['2026-11-18', true, 'an ordinary Wednesday'],
    ['2026-11-21', false, 'an ordinary Saturday'],
    // 2025 (国办发明电〔2024〕12号)
    ['2025-01-26', true, 'Sunday make-up day before 春节'],
    ['2025-01-28', false, '除夕 off'],
    ['2025-02-04', false, '春节 last day'],
    ['2025-02-08', true, 'Saturday make-up day'],
    ['2025-04-27', true, 'Sunday make-up day for 劳动节'],
    ['2025-06-02', false, '端午 Monday'],
    ['2025-09-28', true, 'Sunday make-up day for 国庆'],
    ['2025-10-08', false, '国庆中秋 last day'],
    ['2025-10-11', true, 'Saturday make-up day'],
    // 2024 and 2023
    ['2024-02-18', true, 'Sunday make-up day after 春节 2024'],
    ['2024-09-14', true, 'Saturday make-up day for 中秋 2024'],
    ['2023-06-25', true, 'Sunday make-up day for 端午 2023'],
    ['2023-01-02', false, '元旦 2023 Monday'],
  ])('%s working=%s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-18', 5, '2026-11-25', 'across one weekend'],
    ['2026-11-20', 1, '2026-11-23', 'Friday + 1 skips the weekend'],
    ['2026-11-18', 10, '2026-12-02', 'across two weekends'],
    ['2026-09-28', 5, '2026-10-10', 'across 国庆 (Oct 1–7 off) onto the Saturday make-up day'],
    ['2026-09-29', 3, '2026-10-09', 'across 国庆 into the week after'],
    ['2026-10-08', 2, '2026-10-10', 'Saturday Oct 10 is a make-up working day'],
    ['2026-12-30', 3, '2027-01-05', 'across 元旦 2027 (estimated)'],
    ['2025-12-31', 1, '2026-01-04', 'across 元旦 2026 onto the Sunday make-up day'],
    ['2026-02-12', 2, '2026-02-14', 'Feb 13 Fri, then the Saturday make-up day'],
    ['2026-02-12', 3, '2026-02-24', 'then 春节 Feb 15–23 is skipped'],
    ['2026-02-13', 2, '2026-02-24', 'make-up Saturday then back after 春节'],
    ['2025-09-26', 1, '2025-09-28', 'Friday + 1 lands on the Sunday make-up day'],
    ['2026-11-18', 0, '2026-11-18', 'zero is the same day'],
    ['2026-11-23', -1, '2026-11-20', 'backwards skips the weekend'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('flags results that relied on an estimated year', () => {
    expect(addWorkingDaysDetailed('2026-11-18', 5)).toEqual({ date: '2026-11-25', estimated: false });
    expect(addWorkingDaysDetailed('2026-12-30', 3).estimated).toBe(true);
  });

  it('rejects fractional counts', () => {
    expect(() => addWorkingDays('2026-11-18', 1.5)).toThrow(RangeError);
  });
});

describe('years without an official schedule', () => {
  it('says the schedule is not loaded and answers with an estimate', () => {
    expect(hasOfficialSchedule(2026)).toBe(true);
    expect(hasOfficialSchedule(2027)).toBe(false);
    expect(dayInfo('2027-03-10')).toMatchObject({ working: true, official: false });
  });

  it.each([
    ['2027-01-01', '元旦'],
    ['2027-02-05', '春节'], // 除夕
    ['2027-02-08', '春节'], // 初三
    ['2027-04-05', '清明节'],
    ['2027-05-01', '劳动节'],
    ['2027-06-09', '端午节'],
    ['2027-09-15', '中秋节'],
    ['2027-10-01', '国庆节'],
    ['2027-10-03', '国庆节'],
  ])('%s is an estimated statutory holiday (%s)', (date, name) => {
    expect(dayInfo(date)).toMatchObject({ kind: 'holiday', holiday: name, official: false, working: false });
  });

  it('still treats weekends as days off far from any data', () => {
    expect(isWorkingDay('2040-06-02')).toBe(false);
    expect(isWorkingDay('2040-06-04')).toBe(true);
  });
});

describe('the official schedule table', () => {
  it('covers at least 2025 and 2026', () => {
    expect(officialScheduleYears()).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it.each(OFFICIAL_SCHEDULES.map((s) => [s.year, s] as const))(
    '%i: make-up days fall on weekends and outside holidays',
    (_year, schedule) => {
      for (const day of schedule.makeUpWorkdays) {
        expect(isWeekend(day)).toBe(true);
        for (const span of schedule.holidays) expect(day < span.from || day > span.to).toBe(true);
      }
      for (const span of schedule.holidays) expect(span.from <= span.to).toBe(true);
    },
  );

  it.each([
    [2023, 7 + 1 + 5 + 3 + 8 + 2],
    [2024, 1 + 8 + 3 + 5 + 1 + 3 + 7],
    [2025, 1 + 8 + 3 + 5 + 3 + 8],
    [2026, 3 + 9 + 3 + 5 + 3 + 3 + 7],
  ])('%i has %i days off in its holiday spans (this year only)', (year, expected) => {
    let count = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (dayInfo(d).kind === 'holiday') count++;
    expect(count).toBe(expected);
  });
});
