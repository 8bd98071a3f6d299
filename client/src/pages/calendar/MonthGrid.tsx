// The month grid: whole weeks from Monday, each day with its first few meetings and deadlines and how many more;
// a day's number opens its week.
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CalendarDeadline, CalendarMeeting } from '../../api/workbench.ts';
import { hm, localDay } from '../meetings/time.ts';
import { monthWeeks } from './calendarLayout.ts';
import { DeadlineChip } from './DeadlineChip.tsx';

const SHOWN_PER_DAY = 3;

interface Props {
  date: string;
  today: string;
  meetings: CalendarMeeting[];
  deadlines: CalendarDeadline[];
  onOpenWeek: (day: string) => void;
}

export function MonthGrid({ date, today, meetings, deadlines, onOpenWeek }: Props) {
  const { t } = useTranslation();
  const month = date.slice(0, 7);
  const weekdayNames = monthWeeks(date)[0]!.map((day) => ({ day, name: dayjs(day).format('ddd') }));
  return (
    <div className="tb-month" data-testid="month-grid">
      <div className="tb-month__row tb-month__row--head">
        {weekdayNames.map((w) => (
          <div key={w.day} className="tb-month__weekday">
            {w.name}
          </div>
        ))}
      </div>
      {monthWeeks(date).map((week) => (
        <div key={week[0]} className="tb-month__row">
          {week.map((day) => {
            const dayMeetings = meetings.filter((m) => localDay(m.startAt) === day);
            const dayDeadlines = deadlines.filter((d) => d.dueOn === day);
            const hidden = Math.max(0, dayMeetings.length + dayDeadlines.length - SHOWN_PER_DAY);
            const shownMeetings = dayMeetings.slice(0, SHOWN_PER_DAY);
            const shownDeadlines = dayDeadlines.slice(0, SHOWN_PER_DAY - shownMeetings.length);
            const classes = ['tb-month__cell'];
            if (!day.startsWith(month)) classes.push('tb-month__cell--other');
            if (day === today) classes.push('tb-month__cell--today');
            return (
              <div key={day} className={classes.join(' ')} data-day={day}>
                <button type="button" className="tb-month__date" onClick={() => onOpenWeek(day)}>
                  {Number(day.slice(8))}
                </button>
                {shownMeetings.map((m) => (
                  <Link
                    key={m.id}
                    to={`/meetings/${m.id}`}
                    className="tb-month__meeting"
                    data-testid="calendar-event"
                    data-meeting-id={m.id}
                  >
                    <span className="tb-month__time">{hm(m.startAt, m.timeZone)}</span> {m.title}
                  </Link>
                ))}
                {shownDeadlines.map((d) => (
                  <DeadlineChip key={`${d.kind}:${d.id}`} deadline={d} />
                ))}
                {hidden > 0 && (
                  <Typography.Link className="tb-month__more" onClick={() => onOpenWeek(day)}>
                    {t('workbench.calendar.more', { count: hidden })}
                  </Typography.Link>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
