// Who is coming (replies, live counts per unit) for the organiser, and who is here (sign-in) for the host; the
// participant list for everyone who sees the meeting.
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceSummary, MeetingDetail, RsvpSummary, Seat } from '../../../api/meetings.ts';
import { AttendanceTag, roleLabel, RsvpTag } from '../meetingLabels.tsx';
import { hm } from '../time.ts';

const RSVP_KEYS = ['attend', 'leave', 'absent', 'pending'] as const;
const ATTENDANCE_KEYS = ['present', 'late', 'leave', 'absent', 'expected'] as const;

export function ReplyBoard({ summary }: { summary: RsvpSummary }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="rsvp-board">
      <Row gutter={12}>
        <Col span={4}>
          <Statistic title={t('meetings.detail.total')} value={summary.counts.total} />
        </Col>
        {RSVP_KEYS.map((k) => (
          <Col span={5} key={k}>
            <Statistic title={t(`meetings.rsvp.${k}`)} value={summary.counts[k]} data-testid={`rsvp-count-${k}`} />
          </Col>
        ))}
      </Row>
      <Table
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey="unitId"
        dataSource={summary.byUnit}
        columns={[
          { title: t('meetings.form.unit'), dataIndex: 'unitName' },
          { title: t('meetings.detail.total'), render: (_v, u) => u.counts.total },
          ...RSVP_KEYS.map((k) => ({
            title: t(`meetings.rsvp.${k}`),
            key: k,
            render: (_v: unknown, u: RsvpSummary['byUnit'][number]) => u.counts[k],
          })),
        ]}
      />
    </Card>
  );
}

export function AttendanceBoard({ summary }: { summary: AttendanceSummary }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="attendance-board">
      <Row gutter={12}>
        <Col span={4}>
          <Statistic title={t('meetings.detail.total')} value={summary.counts.total} />
        </Col>
        {ATTENDANCE_KEYS.map((k) => (
          <Col span={4} key={k}>
            <Statistic
              title={t(`meetings.attendance.${k}`)}
              value={summary.counts[k]}
              data-testid={`attendance-count-${k}`}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export function ParticipantList({ meeting, show }: { meeting: MeetingDetail; show: 'rsvp' | 'attendance' }) {
  const { t } = useTranslation();
  return (
    <Table<Seat>
      size="middle"
      rowKey="id"
      pagination={false}
      dataSource={meeting.participants}
      data-testid={`participants-${show}`}
      columns={[
        {
          title: t('meetings.form.person'),
          key: 'person',
          render: (_v, p) => (
            <span data-testid="participant" data-user-id={p.userId}>
              <Typography.Text strong>{p.displayName}</Typography.Text>{' '}
              <Typography.Text type="secondary">{p.title}</Typography.Text>
              {p.substituteFor && (
                <div>
                  <Typography.Text type="secondary">
                    {t('meetings.detail.substituteFor', { name: p.substituteFor.displayName })}
                  </Typography.Text>
                </div>
              )}
            </span>
          ),
        },
        { title: t('meetings.form.unit'), dataIndex: 'unitName', responsive: ['md'] },
        { title: t('meetings.form.role'), key: 'role', render: (_v, p) => <Tag>{roleLabel(t, p.role)}</Tag> },
        ...(show === 'rsvp'
          ? [
              {
                title: t('meetings.detail.rsvp'),
                key: 'rsvp',
                render: (_v: unknown, p: Seat) => <RsvpTag rsvp={p.rsvp} />,
              },
              {
                title: t('meetings.detail.reason'),
                key: 'reason',
                render: (_v: unknown, p: Seat) => (
                  <span>
                    {p.rsvpReason}
                    {p.substitute && (
                      <div>
                        <Typography.Text type="secondary">
                          {t('meetings.detail.substitutedBy', { name: p.substitute.displayName })}
                        </Typography.Text>
                      </div>
                    )}
                  </span>
                ),
              },
            ]
          : [
              {
                title: t('meetings.detail.tabs.attendance'),
                key: 'attendance',
                render: (_v: unknown, p: Seat) => (p.attendance ? <AttendanceTag state={p.attendance} /> : null),
              },
              {
                title: t('meetings.detail.signedInAt'),
                key: 'at',
                render: (_v: unknown, p: Seat) => (p.signedInAt ? hm(p.signedInAt, meeting.timeZone) : ''),
              },
            ]),
      ]}
    />
  );
}
