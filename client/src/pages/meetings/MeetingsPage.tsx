// 会议: my meetings, my unit's, the ones I organise, by day, week or month on the Shanghai wall clock; the rooms.
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Segmented, Space, Spin, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { meetingsApi, type CalendarView, type MeetingScope, type MeetingSummary } from '../../api/meetings.ts';
import { realtime } from '../../realtime/connection.ts';
import { useSession } from '../../session/sessionContext.ts';
import { meetingErrorText } from './meetingErrorText.ts';
import {
  ClassificationTag,
  modeLabel,
  PlenaryTag,
  roleLabel,
  RsvpTag,
  StatusTag,
  typeLabel,
} from './meetingLabels.tsx';
import { RoomsPanel } from './RoomsPanel.tsx';
import { inZone, localDay, shiftDate, timeRange, todayIn } from './time.ts';
import './meetings.css';

const SCOPES: MeetingScope[] = ['mine', 'unit', 'organised'];
const VIEWS: CalendarView[] = ['day', 'week', 'month'];

export default function MeetingsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'rooms' ? 'rooms' : 'calendar';
  return (
    <div className="tb-page">
      <div className="tb-meetings-head">
        <Typography.Title level={3} className="tb-page-title">
          {t('meetings.title')}
        </Typography.Title>
        {can('meeting.create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/meetings/new')}
            data-testid="schedule-meeting"
          >
            {t('meetings.schedule')}
          </Button>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'rooms' ? { tab: 'rooms' } : {}, { replace: true })}
        items={[
          { key: 'calendar', label: t('meetings.tabs.calendar'), children: <MeetingCalendar /> },
          ...(can('room.list') ? [{ key: 'rooms', label: t('meetings.tabs.rooms'), children: <RoomsPanel /> }] : []),
        ]}
      />
    </div>
  );
}

function MeetingCalendar() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [scope, setScope] = useState<MeetingScope>('mine');
  const [view, setView] = useState<CalendarView>('week');
  const [date, setDate] = useState(todayIn());
  const [items, setItems] = useState<MeetingSummary[]>([]);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await meetingsApi.list({ scope, view, date })).items);
    } catch (err) {
      message.error(meetingErrorText(t, err));
    } finally {
      setLoading(false);
    }
  }, [scope, view, date, message, t]);

  useEffect(() => {
    void load();
    // A new notice (invited, moved, cancelled) may change this list: reload when one arrives.
    return realtime.on('notification:new', (n) => {
      if (n.kind.startsWith('meeting.')) void load();
    });
  }, [load]);

  const days = groupByDay(items);
  return (
    <div>
      <div className="tb-meetings-toolbar">
        <Segmented<MeetingScope>
          value={scope}
          onChange={setScope}
          options={SCOPES.map((s) => ({ value: s, label: t(`meetings.scopes.${s}`) }))}
        />
        <Space wrap>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('meetings.previous')}
            onClick={() => setDate(shiftDate(date, view, -1))}
          />
          <Button onClick={() => setDate(todayIn())}>{t('meetings.today')}</Button>
          <Button
            icon={<RightOutlined />}
            aria-label={t('meetings.next')}
            onClick={() => setDate(shiftDate(date, view, 1))}
          />
          <DatePicker
            value={dayjs(date)}
            allowClear={false}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            picker={view === 'month' ? 'month' : view === 'week' ? 'week' : 'date'}
          />
          <Segmented<CalendarView>
            value={view}
            onChange={setView}
            options={VIEWS.map((v) => ({ value: v, label: t(`meetings.views.${v}`) }))}
          />
        </Space>
      </div>
      <Spin spinning={loading}>
        {days.length === 0 && !loading ? (
          <Card>
            <Empty description={t('meetings.empty')} />
          </Card>
        ) : (
          <div className="tb-meeting-days" data-testid="meeting-list">
            {days.map(([day, list]) => (
              <section key={day} className="tb-meeting-day">
                <Typography.Text strong className="tb-meeting-day__label">
                  {inZone(list[0]!.startAt).format('MM-DD ddd')}
                </Typography.Text>
                {list.map((m) => (
                  <MeetingRow key={m.id} m={m} />
                ))}
              </section>
            ))}
          </div>
        )}
      </Spin>
    </div>
  );
}

function MeetingRow({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation();
  return (
    <Link
      to={`/meetings/${m.id}`}
      className={`tb-meeting-row${m.status === 'cancelled' ? ' tb-meeting-row--cancelled' : ''}`}
      data-testid="meeting-row"
      data-meeting-id={m.id}
    >
      <span className="tb-meeting-row__time">{timeRange(m.startAt, m.endAt, m.timeZone)}</span>
      <span className="tb-meeting-row__main">
        <span className="tb-meeting-row__title">
          {m.title} <PlenaryTag plenary={m.plenary} />
        </span>
        <span className="tb-meeting-row__meta">
          {typeLabel(t, m.type, m.customType)} · {m.room ? m.room.name : modeLabel(t, m.mode)} · {m.organiserUnit.name}
        </span>
      </span>
      <span className="tb-meeting-row__tags">
        <ClassificationTag classification={m.classification} />
        {m.status !== 'scheduled' && <StatusTag status={m.status} />}
        {m.myRole && m.myRole !== 'attendee' && <Tag>{roleLabel(t, m.myRole)}</Tag>}
        {m.myRsvp && m.status === 'scheduled' && <RsvpTag rsvp={m.myRsvp} />}
        {m.clashesWith.length > 0 && (
          <Tag color="volcano" data-testid="clash-flag">
            {t('meetings.clash')}
          </Tag>
        )}
      </span>
    </Link>
  );
}

function groupByDay(items: MeetingSummary[]): Array<[string, MeetingSummary[]]> {
  const days = new Map<string, MeetingSummary[]>();
  for (const m of items) {
    const day = localDay(m.startAt, m.timeZone);
    days.set(day, [...(days.get(day) ?? []), m]);
  }
  return [...days.entries()];
}
