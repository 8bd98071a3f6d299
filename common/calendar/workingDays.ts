// Working days in mainland China: Monday–Friday, minus public holidays, plus the make-up working
// days (调休) of the official schedule. Years without a loaded official schedule fall back to an
// estimate — weekends plus the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision) on
// their own dates, without bridging or make-up days — and every answer says whether it is estimated.

import { addDays, isoDate, isWeekend, parseIsoDate, type IsoDate } from './isoDate.ts';
import { FESTIVAL_DATES, OFFICIAL_SCHEDULES } from './chinaHolidaySchedule.ts';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  holiday: string | null;
  /** false when the year's official schedule is not loaded and the answer is an estimate. */
  official: boolean;
}

interface YearCalendar {
  official: boolean;
  holidays: ReadonlyMap<IsoDate, string>;
  makeUpWorkdays: ReadonlySet<IsoDate>;
}

const yearCache = new Map<number, YearCalendar>();

export function hasOfficialSchedule(year: number): boolean {
  return OFFICIAL_SCHEDULES.some((s) => s.year === year);
}

/** Years whose official schedule is loaded, ascending. */
export function officialScheduleYears(): number[] {
  return OFFICIAL_SCHEDULES.map((s) => s.year).sort((a, b) => a - b);
}

function expandSpan(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Statutory days off by law, for a year whose official schedule (with its bridging) is unknown. */
export function estimatedStatutoryHolidays(year: number): Map<IsoDate, string> {
  const days = new Map<IsoDate, string>();
  const put = (name: string, dates: IsoDate[]) => dates.forEach((d) => days.set(d, name));
  put('元旦', [isoDate(year, 1, 1)]);
  put('劳动节', [isoDate(year, 5, 1), isoDate(year, 5, 2)]);
  put('国庆节', expandSpan(isoDate(year, 10, 1), isoDate(year, 10, 3)));
  const festivals = FESTIVAL_DATES[year];
  if (festivals) {
    // Since 2025 the Spring Festival holiday is 除夕 plus 正月初一 to 初三.
    put('春节', expandSpan(addDays(festivals.springFestival, -1), addDays(festivals.springFestival, 2)));
    put('清明节', [festivals.qingming]);
    put('端午节', [festivals.dragonBoat]);
    put('中秋节', [festivals.midAutumn]);
  }
  return days;
}

function calendarFor(year: number): YearCalendar {
  const cached = yearCache.get(year);
  if (cached) return cached;
  let built: YearCalendar;
  const schedule = OFFICIAL_SCHEDULES.find((s) => s.year === year);
  if (schedule) {
    const holidays = new Map<IsoDate, string>();
    // A span may start in the previous year (元旦 2023 began on 2022-12-31); keep only this year's days
    // so each date is answered by the schedule of its own year.
    for (const span of schedule.holidays) {
      for (const d of expandSpan(span.from, span.to)) if (parseIsoDate(d).year === year) holidays.set(d, span.name);
    }
    built = { official: true, holidays, makeUpWorkdays: new Set(schedule.makeUpWorkdays) };
  } else {
    built = { official: false, holidays: estimatedStatutoryHolidays(year), makeUpWorkdays: new Set() };
  }
  yearCache.set(year, built);
  return built;
}

export function dayInfo(date: IsoDate): DayInfo {
  const cal = calendarFor(parseIsoDate(date).year);
  const holiday = cal.holidays.get(date) ?? null;
  const base = { date, holiday, official: cal.official };
  if (holiday !== null) return { ...base, kind: 'holiday', working: false };
  if (cal.makeUpWorkdays.has(date)) return { ...base, kind: 'makeUpWorkday', working: true };
  if (isWeekend(date)) return { ...base, kind: 'weekend', working: false };
  return { ...base, kind: 'workday', working: true };
}

export function isWorkingDay(date: IsoDate): boolean {
  return dayInfo(date).working;
}

export interface WorkingDayResult {
  date: IsoDate;
  /** true when a day counted lies in a year without an official schedule. */
  estimated: boolean;
}

/**
 * The n-th working day after `date` (before it for negative n); the start day itself is not
 * counted, as in "5个工作日内" counted from the meeting. n = 0 returns the date unchanged.
 */
export function addWorkingDaysDetailed(date: IsoDate, n: number): WorkingDayResult {
  if (!Number.isInteger(n)) throw new RangeError(`working-day count must be an integer: ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  let estimated = false;
  while (remaining > 0) {
    current = addDays(current, step);
    const info = dayInfo(current);
    if (!info.official) estimated = true;
    if (info.working) remaining -= 1;
  }
  return { date: current, estimated };
}

export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  return addWorkingDaysDetailed(date, n).date;
}
