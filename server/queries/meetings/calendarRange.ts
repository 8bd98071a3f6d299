// The instants a calendar view covers (a local day, week or month in a time zone), as the meeting lists and the room
// calendars ask for them; an unknown zone or date is refused.
import { calendarRange, isTimeZone, localDate } from '../../domain/meetings/localTime.ts';
import { BadRequest } from '../../errors.ts';

export function rangeFor(
  query: { view: 'day' | 'week' | 'month'; date?: string | undefined; timeZone: string },
  now: Date,
): { from: Date; to: Date } {
  if (!isTimeZone(query.timeZone)) throw new BadRequest('invalid_time_zone', `Unknown time zone ${query.timeZone}`);
  try {
    return calendarRange(query.date ?? localDate(now, query.timeZone), query.view, query.timeZone);
  } catch (err) {
    if (err instanceof RangeError) throw new BadRequest('invalid_date', `Not a calendar date: ${query.date}`);
    throw err;
  }
}
