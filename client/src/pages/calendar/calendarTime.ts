// "Today" and instants on the Shanghai wall clock for the calendar, by the server's clock (tests and devices with a
// wrong clock see the same day the server counts deadlines in).
import dayjs from 'dayjs';
import { serverNow } from '../../api/serverClock.ts';
import { inZone } from '../meetings/time.ts';

export function serverToday(): string {
  return inZone(new Date(serverNow()).toISOString()).format('YYYY-MM-DD');
}

/** Minutes from the start of `day` (Shanghai) to the instant; below 0 or above 1440 outside the day. */
export function minutesInto(day: string, iso: string): number {
  const start = dayjs.tz(`${day} 00:00`, 'Asia/Shanghai');
  return inZone(iso).diff(start, 'minute');
}
