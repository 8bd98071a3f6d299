// The week grid: 7 days from Monday, an all-day row of deadlines, and meetings in their time slots on the Shanghai
// wall clock, overlapping ones side by side.
import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CalendarDeadline, CalendarMeeting } from '../../api/workbench.ts';
import { timeRange } from '../meetings/time.ts';
import { placeSideBySide, weekDays } from './calendarLayout.ts';
import { minutesInto } from './calendarTime.ts';
import { DeadlineChip } from './DeadlineChip.tsx';

const HOUR_PX = 48;
/** The working day always shows; the grid grows to show a meeting earlier or later. */
const DEFAULT_FIRST_HOUR = 8;
const DEFAULT_LAST_HOUR = 19;

interface Props {
  date: string;
  today: string;
  meetings: CalendarMeeting[];
  deadlines: CalendarDeadline[];
}

export function WeekGrid({ date, today, meetings, deadlines }: Props) {
  const { t } = useTranslation();
  const days = weekDays(date);
  const perDay = days.map((day) =>
    meetings
      .map((m) => ({ m, start: minutesInto(day, m.startAt), end: minutesInto(day, m.endAt) }))
      .filter((s) => s.end > 0 && s.start < 1440)
      .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(1440, s.end) })),
  );
  const spans = perDay.flat();
  const firstHour = Math.min(DEFAULT_FIRST_HOUR, ...spans.map((s) => Math.floor(s.start / 60)));
  const lastHour = Math.max(DEFAULT_LAST_HOUR, ...spans.map((s) => Math.ceil(s.end / 60)));
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const px = (minutes: number) => ((minutes - firstHour * 60) * HOUR_PX) / 60;

  return (
    <div className="tb-week" data-testid="week-grid">
      <div className="tb-week__head">
        <div className="tb-week__gutter" />
        {days.map((day) => (
          <div key={day} className={`tb-week__day-label${day === today ? ' tb-week__day-label--today' : ''}`}>
            {dayjs(day).format(t('workbench.calendar.dayFormat'))}
          </div>
        ))}
      </div>
      <div className="tb-week__allday">
        <div className="tb-week__gutter">{t('workbench.calendar.allDay')}</div>
        {days.map((day) => (
          <div key={day} className="tb-week__allday-cell" data-day={day}>
            {deadlines
              .filter((d) => d.dueOn === day)
              .map((d) => (
                <DeadlineChip key={`${d.kind}:${d.id}`} deadline={d} />
              ))}
          </div>
        ))}
      </div>
      <div className="tb-week__body" style={{ height: hours.length * HOUR_PX }}>
        <div className="tb-week__gutter">
          {hours.map((h) => (
            <div key={h} className="tb-week__hour" style={{ height: HOUR_PX }}>
              {`${String(h).padStart(2, '0')}:00`}
            </div>
          ))}
        </div>
        {days.map((day, i) => (
          <div key={day} className="tb-week__column" data-day={day}>
            {hours.map((h) => (
              <div key={h} className="tb-week__slot" style={{ height: HOUR_PX }} />
            ))}
            {placeSideBySide(perDay[i]!.map((s) => ({ id: s.m.id, start: s.start, end: s.end }))).map((p) => {
              const m = perDay[i]!.find((s) => s.m.id === p.id)!.m;
              const range = timeRange(m.startAt, m.endAt, m.timeZone);
              return (
                <Tooltip key={p.id} title={`${range} ${m.title}${m.room ? ` · ${m.room.name}` : ''}`}>
                  <Link
                    to={`/meetings/${m.id}`}
                    className={`tb-week__event${m.status === 'cancelled' ? ' tb-week__event--cancelled' : ''}`}
                    style={{
                      top: px(p.start),
                      height: Math.max(px(p.end) - px(p.start), 20),
                      left: `${(p.column / p.columns) * 100}%`,
                      width: `${100 / p.columns}%`,
                    }}
                    data-testid="calendar-event"
                    data-meeting-id={m.id}
                    data-day={day}
                    data-start={dayjs.tz(`${day} 00:00`, 'Asia/Shanghai').add(p.start, 'minute').format('HH:mm')}
                  >
                    <span className="tb-week__event-time">{range}</span>
                    <span className="tb-week__event-title">{m.title}</span>
                    {m.room && <span className="tb-week__event-room">{m.room.name}</span>}
                  </Link>
                </Tooltip>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
