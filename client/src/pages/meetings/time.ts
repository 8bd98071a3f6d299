// Meeting times on the meeting's own wall clock (Asia/Shanghai unless it says otherwise), whatever zone the device
// is set to: the server keeps instants, this turns them into dates and times people read and type.
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function inZone(iso: string, tz = DEFAULT_TIME_ZONE): Dayjs {
  return dayjs(iso).tz(tz);
}

/** "2026-12-01" + "09:00" on the zone's wall clock → "2026-12-01T09:00:00+08:00". */
export function toInstant(date: string, time: string, tz = DEFAULT_TIME_ZONE): string {
  return dayjs.tz(`${date} ${time}`, tz).format();
}

export function todayIn(tz = DEFAULT_TIME_ZONE): string {
  return dayjs().tz(tz).format('YYYY-MM-DD');
}

export function localDay(iso: string, tz = DEFAULT_TIME_ZONE): string {
  return inZone(iso, tz).format('YYYY-MM-DD');
}

export function hm(iso: string, tz = DEFAULT_TIME_ZONE): string {
  return inZone(iso, tz).format('HH:mm');
}

/** "09:00–11:30", or with both dates when the meeting spans midnight. */
export function timeRange(start: string, end: string, tz = DEFAULT_TIME_ZONE): string {
  const s = inZone(start, tz);
  const e = inZone(end, tz);
  return s.isSame(e, 'day')
    ? `${s.format('HH:mm')}–${e.format('HH:mm')}`
    : `${s.format('MM-DD HH:mm')} – ${e.format('MM-DD HH:mm')}`;
}

/** "2026-12-01 周二 09:00–11:30" in the interface language. */
export function fullRange(start: string, end: string, tz = DEFAULT_TIME_ZONE): string {
  return `${inZone(start, tz).format('YYYY-MM-DD ddd')} ${timeRange(start, end, tz)}`;
}

export function shiftDate(date: string, view: 'day' | 'week' | 'month', steps: number): string {
  return dayjs(date).add(steps, view).format('YYYY-MM-DD');
}
