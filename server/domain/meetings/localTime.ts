// Local time for meetings: turning a date and time on the wall clock of a zone (Asia/Shanghai unless the meeting says
// otherwise) into an instant, the UTC ranges of a local day, week or month, and the wording used in notices.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { addDays, addMonths, isValidIsoDate, startOfWeek, type IsoDate } from '../../../common/calendar/isoDate.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const CALENDAR_VIEWS = ['day', 'week', 'month'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export function isTimeZone(value: string): boolean {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const LOCAL_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/;

/** "2026-12-01T09:00" on the wall clock of the zone → the instant. Throws on a malformed or impossible value. */
export function fromLocal(local: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const m = LOCAL_PATTERN.exec(local);
  if (!m || !isValidIsoDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59)
    throw new RangeError(`not a local date and time: ${local}`);
  return dayjs.tz(`${m[1]} ${m[2]}:${m[3]}`, timeZone).toDate();
}

/** Local midnight at the start of a calendar date, as an instant. */
export function startOfLocalDay(date: IsoDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return fromLocal(`${date}T00:00`, timeZone);
}

/** The calendar date on the zone's wall clock at an instant. */
export function localDate(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD');
}

/** "2026-12-01 09:00" on the zone's wall clock. */
export function localDateTime(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD HH:mm');
}

/**
 * The instants a calendar view covers: a local day, the Monday-to-Sunday week (as calendars in China show it) or the
 * month containing the date. Half-open [from, to); boundaries are local midnights, so a day is 23 or 25 hours long
 * where the zone changes its clocks.
 */
export function calendarRange(
  date: IsoDate,
  view: CalendarView,
  timeZone: string = DEFAULT_TIME_ZONE,
): { from: Date; to: Date } {
  if (!isValidIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  let first: IsoDate;
  let next: IsoDate;
  switch (view) {
    case 'day':
      first = date;
      next = addDays(date, 1);
      break;
    case 'week':
      first = startOfWeek(date);
      next = addDays(first, 7);
      break;
    case 'month':
      first = `${date.slice(0, 8)}01`;
      next = addMonths(first, 1);
      break;
  }
  return { from: startOfLocalDay(first, timeZone), to: startOfLocalDay(next, timeZone) };
}

/** How a notice words a meeting's time: "2026年12月1日 09:00–11:30", or both dates when it spans midnight. */
export function describeRange(start: Date, end: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const s = dayjs(start).tz(timeZone);
  const e = dayjs(end).tz(timeZone);
  const day = (d: dayjs.Dayjs) => `${d.year()}年${d.month() + 1}月${d.date()}日`;
  const zone = timeZone === DEFAULT_TIME_ZONE ? '' : ` (${timeZone})`;
  if (s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD'))
    return `${day(s)} ${s.format('HH:mm')}–${e.format('HH:mm')}${zone}`;
  return `${day(s)} ${s.format('HH:mm')} – ${day(e)} ${e.format('HH:mm')}${zone}`;
}
