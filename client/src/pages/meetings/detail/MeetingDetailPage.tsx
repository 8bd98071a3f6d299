// One meeting: what, when, where, who leads it; my reply and sign-in; the agenda with its materials; the organiser's
// live reply board and the host's sign-in board.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.ts';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { meetingErrorText } from '../meetingErrorText.ts';
import { ClassificationTag, modeLabel, PlenaryTag, StatusTag, typeLabel } from '../meetingLabels.tsx';
import { fullRange } from '../time.ts';
import { AgendaMaterials } from './AgendaMaterials.tsx';
import { MeetingActions } from './MeetingActions.tsx';
import { MyReplyCard } from './MyReplyCard.tsx';
import { AttendanceBoard, ParticipantList, ReplyBoard } from './PeoplePanels.tsx';
import { ReadersPanel } from './ReadersPanel.tsx';
import { RecordingsPanel } from '../recordings/RecordingsPanel.tsx';
import { useMeeting } from './useMeeting.ts';
import { MinutesStatusBar } from '../minutes/MinutesStatusBar.tsx';
import { useActiveSession } from '../../../session/sessionContext.ts';
import '../meetings.css';
import { withNote } from '../../../i18n/punctuation.ts';

export default function MeetingDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { meeting, error, reload } = useMeeting(id);
  const { user } = useActiveSession();

  if (error && !meeting) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('notFound.title') : meetingErrorText(t, error)}
        extra={<Link to="/meetings">{t('meetings.detail.back')}</Link>}
      />
    );
  }
  if (!meeting) return <Spin fullscreen />;

  const place = [
    meeting.room ? withNote(t, meeting.room.name, meeting.room.location) : null,
    meeting.mode !== 'in_room' ? modeLabel(t, meeting.mode) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="tb-page" data-testid="meeting-detail" data-meeting-id={meeting.id}>
      <Link to="/meetings" className="tb-back-link">
        <ArrowLeftOutlined /> {t('meetings.detail.back')}
      </Link>
      <Card className="tb-form-card">
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="meeting-title">
            {meeting.title}
          </Typography.Title>
          <PlenaryTag plenary={meeting.plenary} />
          <StatusTag status={meeting.status} />
          <Tag>{typeLabel(t, meeting.type, meeting.customType)}</Tag>
          <ClassificationTag classification={meeting.classification} />
        </Space>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('meetings.detail.time')}>
            {fullRange(meeting.startAt, meeting.endAt, meeting.timeZone)}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.detail.place')}>{place}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.detail.organiser')}>{meeting.organiserUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.detail.host')}>
            {meeting.host?.displayName ?? t('meetings.detail.noOne')}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.detail.minuteTaker')}>
            {meeting.minuteTaker?.displayName ?? t('meetings.detail.noOne')}
          </Descriptions.Item>
          {meeting.online && (
            <Descriptions.Item label={t('meetings.detail.online')}>
              <Space wrap>
                <Button type="primary" href={`/meetings/${meeting.id}/room`}>
                  {t('meetings.detail.joinOnline')}
                </Button>
                <CopyButton text={meeting.online.joinUrl} label={t('meetings.detail.copyLink')} />
              </Space>
            </Descriptions.Item>
          )}
          {meeting.description && (
            <Descriptions.Item label={t('meetings.detail.description')} span={2}>
              {meeting.description}
            </Descriptions.Item>
          )}
        </Descriptions>
        {meeting.status === 'cancelled' && (
          <Alert
            type="error"
            showIcon
            message={t('meetings.detail.cancelled', { reason: meeting.cancelReason ?? '' })}
            style={{ marginTop: 12 }}
          />
        )}
        {(meeting.me.can.manage ||
          meeting.me.can.run ||
          meeting.classification === 'public' ||
          meeting.classification === 'internal') && (
          <div style={{ marginTop: 12 }}>
            <MeetingActions meeting={meeting} onChanged={reload} />
          </div>
        )}
      </Card>
      <MyReplyCard meeting={meeting} onChanged={reload} />
      {/* Minutes are written during or after the meeting; a draft's or a cancelled meeting's never are. */}
      {meeting.status !== 'draft' && meeting.status !== 'cancelled' && (
        <div className="tb-form-card" data-testid="meeting-minutes">
          <MinutesStatusBar
            meetingId={meeting.id}
            canCreate={meeting.minuteTaker?.id === user.id || meeting.host?.id === user.id || meeting.me.can.manage}
            onChanged={reload}
          />
        </div>
      )}
      <Card className="tb-form-card">
        <Tabs
          tabBarExtraContent={
            meeting.me.can.readMaterials && meeting.status !== 'cancelled' ? (
              <Link to={`/meetings/${encodeURIComponent(meeting.id)}/annotate`} data-testid="open-annotation">
                <Button icon={<EditOutlined />}>{t('annotate.openWorkspace')}</Button>
              </Link>
            ) : null
          }
          items={[
            {
              key: 'agenda',
              label: t('meetings.detail.tabs.agenda'),
              children: <AgendaMaterials meeting={meeting} onChanged={reload} />,
            },
            {
              key: 'people',
              label: `${t('meetings.detail.tabs.people')} (${meeting.participants.length})`,
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {meeting.rsvpSummary && <ReplyBoard summary={meeting.rsvpSummary} />}
                  <ParticipantList meeting={meeting} show="rsvp" />
                </Space>
              ),
            },
            ...(meeting.attendanceSummary
              ? [
                  {
                    key: 'attendance',
                    label: t('meetings.detail.tabs.attendance'),
                    children: (
                      <Space direction="vertical" style={{ width: '100%' }}>
                        <AttendanceBoard summary={meeting.attendanceSummary} />
                        <ParticipantList meeting={meeting} show="attendance" />
                      </Space>
                    ),
                  },
                ]
              : []),
            ...(meeting.mode !== 'in_room'
              ? [
                  {
                    key: 'recordings',
                    label: t('recording.listTitle'),
                    children: <RecordingsPanel meetingId={meeting.id} />,
                  },
                ]
              : []),
            ...(meeting.me.can.manage && meeting.materials
              ? [
                  {
                    key: 'readers',
                    label: t('meetings.detail.tabs.readers'),
                    children: (
                      <ReadersPanel
                        meetingId={meeting.id}
                        revision={meeting.materials.map((m) => `${m.id}:${m.readers}`).join(',')}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
