// 日程: my week or month on the Shanghai wall clock — meetings in their slots, the 办理时限 of my 公文 steps and my
// supervision tasks' deadlines in the all-day row — with previous, today and next.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/errorMessage.ts';
import { calendarApi, type CalendarEntries } from '../../api/workbench.ts';
import { realtime } from '../../realtime/connection.ts';
import { shiftDate } from '../meetings/time.ts';
import { weekDays } from './calendarLayout.ts';
import { serverToday } from './calendarTime.ts';
import { MonthGrid } from './MonthGrid.tsx';
import { WeekGrid } from './WeekGrid.tsx';
import './calendar.css';

type View = 'week' | 'month';
const VIEWS: View[] = ['week', 'month'];
const isDay = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);

export default function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'month' ? 'month' : 'week';
  // Without a date in the address, the server's today (the device's clock may be wrong or in another zone).
  const asked = isDay(params.get('date')) ? params.get('date')! : undefined;
  const [entries, setEntries] = useState<CalendarEntries | null>(null);
  const today = entries?.today ?? '';
  const date = asked ?? (today || serverToday());
  const [loading, setLoading] = useState(true);

  const go = (next: { view?: View; date?: string }) =>
    setParams({ view: next.view ?? view, date: next.date ?? date }, { replace: true });

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setEntries(await calendarApi.get({ view, date: asked }));
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setLoading(false);
    }
  }, [view, asked, message, t]);

  useEffect(() => {
    void load();
    // A meeting moved or a step reaching me changes the calendar: reload on the notices that say so.
    return realtime.on('notification:new', (n) => {
      if (n.kind.startsWith('meeting.') || n.kind.startsWith('officialDoc.') || n.kind.startsWith('supervision.'))
        void load();
    });
  }, [load]);

  const days = weekDays(date);
  const title =
    view === 'week'
      ? t('workbench.calendar.weekTitle', {
          from: dayjs(days[0]).format(t('workbench.calendar.dayFormat')),
          to: dayjs(days[6]).format(t('workbench.calendar.dayFormat')),
        })
      : dayjs(date).format(t('workbench.calendar.monthTitle'));

  return (
    <div className="tb-page">
      <div className="tb-calendar-head">
        <Typography.Title level={3} className="tb-page-title">
          {t('workbench.calendar.title')}
        </Typography.Title>
        <Space wrap>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('workbench.calendar.previous')}
            onClick={() => go({ date: shiftDate(date, view, -1) })}
            data-testid="calendar-previous"
          />
          <Button onClick={() => setParams({ view }, { replace: true })} data-testid="calendar-today">
            {t('workbench.calendar.today')}
          </Button>
          <Button
            icon={<RightOutlined />}
            aria-label={t('workbench.calendar.next')}
            onClick={() => go({ date: shiftDate(date, view, 1) })}
            data-testid="calendar-next"
          />
          <Typography.Text strong data-testid="calendar-title">
            {title}
          </Typography.Text>
          <Segmented<View>
            value={view}
            onChange={(v) => go({ view: v })}
            options={VIEWS.map((v) => ({ value: v, label: t(`workbench.calendar.views.${v}`) }))}
          />
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('workbench.calendar.legend')}
      </Typography.Paragraph>
      <Spin spinning={loading}>
        {view === 'week' ? (
          <WeekGrid date={date} today={today} meetings={entries?.meetings ?? []} deadlines={entries?.deadlines ?? []} />
        ) : (
          <MonthGrid
            date={date}
            today={today}
            meetings={entries?.meetings ?? []}
            deadlines={entries?.deadlines ?? []}
            onOpenWeek={(day) => go({ view: 'week', date: day })}
          />
        )}
      </Spin>
    </div>
  );
}
