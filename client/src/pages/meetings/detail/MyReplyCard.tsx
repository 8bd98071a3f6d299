// The participant's own card: reply (参加 / 请假 with reason and substitute / 不参加), and signing in by the tablet
// button once sign-in is open. Clashes with their other meetings are flagged here.
import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingsApi, type MeetingDetail, type RsvpAnswer } from '../../../api/meetings.ts';
import { useActiveSession } from '../../../session/sessionContext.ts';
import { PersonPicker } from '../components/PersonPicker.tsx';
import { meetingErrorText } from '../meetingErrorText.ts';
import { AttendanceTag, RsvpTag } from '../meetingLabels.tsx';
import { hm, timeRange } from '../time.ts';
import { listOf } from '../../../i18n/punctuation.ts';

const SIGN_IN_OPENS_BEFORE_MS = 30 * 60_000;

interface ReplyForm {
  reason?: string;
  substituteId?: string | null;
}

export function MyReplyCard({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useActiveSession();
  const [asking, setAsking] = useState<RsvpAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ReplyForm>();
  const seat = meeting.me.seat;
  if (!seat) return null;

  const answer = async (value: RsvpAnswer, extra: ReplyForm = {}) => {
    setBusy(true);
    try {
      const out = await meetingsApi.rsvp(meeting.id, {
        answer: value,
        reason: extra.reason?.trim() || null,
        substituteId: extra.substituteId ?? null,
      });
      message.success(
        out.substitute
          ? t('meetings.reply.substituteInvited', { name: out.substitute.displayName })
          : t('meetings.reply.saved'),
      );
      setAsking(null);
      form.resetFields();
      await onChanged();
    } catch (err) {
      message.error(meetingErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const signIn = async () => {
    setBusy(true);
    try {
      const out = await meetingsApi.signIn(meeting.id);
      message.success(out.state === 'late' ? t('meetings.signIn.late') : t('meetings.signIn.present'));
      await onChanged();
    } catch (err) {
      message.error(meetingErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const replying = meeting.status === 'scheduled' && meeting.me.can.reply;
  const signInOpen =
    (meeting.status === 'scheduled' || meeting.status === 'in_progress') &&
    dayjs().valueOf() >= dayjs(meeting.startAt).valueOf() - SIGN_IN_OPENS_BEFORE_MS &&
    dayjs().isBefore(meeting.endAt);
  return (
    <Card title={t('meetings.reply.title')} className="tb-form-card" data-testid="my-reply">
      <Space direction="vertical" style={{ width: '100%' }}>
        {meeting.me.clashes.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="my-clashes"
            message={t('meetings.detail.myClashes', {
              meetings: listOf(
                t,
                meeting.me.clashes.map(
                  (c) =>
                    `${timeRange(c.startAt, c.endAt, meeting.timeZone)} ${c.title ?? t('meetings.detail.untitledMeeting')}`,
                ),
                'comma',
              ),
            })}
          />
        )}
        <Space wrap>
          <Typography.Text>{t('meetings.reply.current')}</Typography.Text>
          <RsvpTag rsvp={seat.rsvp} />
          {seat.rsvpReason && <Typography.Text type="secondary">{seat.rsvpReason}</Typography.Text>}
          {seat.substitute && (
            <Typography.Text type="secondary">
              {t('meetings.detail.substitutedBy', { name: seat.substitute.displayName })}
            </Typography.Text>
          )}
          {seat.attendance && seat.signedInAt && <AttendanceTag state={seat.attendance} />}
        </Space>
        {replying ? (
          <Space wrap>
            <Button
              type={seat.rsvp === 'attend' ? 'primary' : 'default'}
              loading={busy && asking === null}
              onClick={() => void answer('attend')}
              data-testid="rsvp-attend"
            >
              {t('meetings.reply.attend')}
            </Button>
            <Button
              type={seat.rsvp === 'leave' ? 'primary' : 'default'}
              onClick={() => setAsking('leave')}
              data-testid="rsvp-leave"
            >
              {t('meetings.reply.leave')}
            </Button>
            <Button
              type={seat.rsvp === 'absent' ? 'primary' : 'default'}
              onClick={() => setAsking('absent')}
              data-testid="rsvp-absent"
            >
              {t('meetings.reply.absent')}
            </Button>
          </Space>
        ) : (
          meeting.status === 'in_progress' && (
            <Typography.Text type="secondary">{t('meetings.reply.closed')}</Typography.Text>
          )
        )}
        {meeting.me.can.signIn &&
          (meeting.status === 'scheduled' || meeting.status === 'in_progress') &&
          (seat.signedInAt ? (
            <Typography.Text type="success">
              <CheckCircleOutlined /> {t('meetings.signIn.done')} {hm(seat.signedInAt, meeting.timeZone)}
            </Typography.Text>
          ) : (
            <Tooltip title={signInOpen ? undefined : t('meetings.signIn.notOpen')}>
              <Button
                type="primary"
                size="large"
                disabled={!signInOpen}
                loading={busy}
                onClick={() => void signIn()}
                data-testid="sign-in-button"
              >
                {t('meetings.signIn.button')}
              </Button>
            </Tooltip>
          ))}
      </Space>
      <Modal
        open={asking !== null}
        title={asking === 'leave' ? t('meetings.reply.leaveTitle') : t('meetings.reply.absent')}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        okText={t('meetings.reply.submit')}
        okButtonProps={{ loading: busy, ...{ 'data-testid': 'rsvp-submit' } }}
        destroyOnHidden
      >
        <Form<ReplyForm> form={form} layout="vertical" onFinish={(v) => asking && void answer(asking, v)}>
          <Form.Item
            name="reason"
            label={asking === 'leave' ? t('meetings.reply.reason') : t('meetings.reply.absentReason')}
            rules={
              asking === 'leave'
                ? [{ required: true, whitespace: true, message: t('meetings.reply.reasonRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          {asking === 'leave' && (
            <Form.Item name="substituteId" label={t('meetings.reply.substitute')}>
              <PersonPicker unitId={session.user.unitId} placeholder={t('meetings.reply.substitutePlaceholder')} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
