// 今日会议 / 今日日程: today's meetings on the Shanghai wall clock, and for a leader the day's deadlines as well.
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { calendarApi } from '../../../api/workbench.ts';
import { DeadlineChip } from '../../calendar/DeadlineChip.tsx';
import { timeRange } from '../../meetings/time.ts';
import { PanelCard } from './PanelCard.tsx';
import { usePanelData } from './usePanelData.ts';

export function TodayPanel({ withDeadlines }: { withDeadlines: boolean }) {
  const { t } = useTranslation();
  const { data, error, loading } = usePanelData(
    () => calendarApi.get({ view: 'day' }),
    ['meeting.', 'officialDoc.', 'supervision.'],
  );
  const meetings = data?.meetings.filter((m) => m.status !== 'cancelled') ?? [];
  const deadlines = withDeadlines ? (data?.deadlines ?? []) : [];
  const empty = meetings.length === 0 && deadlines.length === 0;
  return (
    <PanelCard
      title={t(withDeadlines ? 'workbench.home.todaySchedule' : 'workbench.home.todayMeetings')}
      total={meetings.length + deadlines.length}
      more="/calendar"
      loading={loading}
      error={error}
      testId="home-today"
    >
      {empty ? (
        <Typography.Text type="secondary">
          {t(withDeadlines ? 'workbench.home.todayScheduleEmpty' : 'workbench.home.todayMeetingsEmpty')}
        </Typography.Text>
      ) : (
        <>
          <List
            size="small"
            dataSource={meetings}
            renderItem={(m) => (
              <List.Item>
                <Link to={`/meetings/${m.id}`} data-testid="home-today-meeting" data-meeting-id={m.id}>
                  <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {timeRange(m.startAt, m.endAt, m.timeZone)}
                  </Typography.Text>{' '}
                  {m.title}
                  {m.room ? ` · ${m.room.name}` : ''}
                </Link>
              </List.Item>
            )}
          />
          {deadlines.map((d) => (
            <DeadlineChip key={`${d.kind}:${d.id}`} deadline={d} />
          ))}
        </>
      )}
    </PanelCard>
  );
}
