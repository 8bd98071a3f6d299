// What the organisers and the host can do with a meeting, by its status: send a draft's notice, start, end, open the
// sign-in screen, edit, reschedule, cancel, issue a new passcode, export to a calendar.
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/http.ts';
import { meetingsApi, roomsApi, type MeetingDetail, type Room } from '../../../api/meetings.ts';
import { meetingErrorText } from '../meetingErrorText.ts';
import { hm, localDay, toInstant } from '../time.ts';
import { notPastDate } from '../form/dateRule.ts';
import { EditMeetingModal } from './EditMeetingModal.tsx';

export function MeetingActions({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [rescheduling, setRescheduling] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const events = meeting.me.events;
  const live = meeting.status === 'scheduled' || meeting.status === 'in_progress';

  const run = async (work: () => Promise<unknown>, onClash?: () => Promise<unknown>) => {
    try {
      await work();
      await onChanged();
    } catch (err) {
      if (onClash && err instanceof ApiError && err.code === 'participant_clash') {
        modal.confirm({
          title: t('meetings.check.proceedTitle'),
          content: t('meetings.check.proceedBody'),
          okText: t('meetings.check.proceed'),
          onOk: () => run(onClash),
        });
        return;
      }
      message.error(meetingErrorText(t, err));
    }
  };

  const newPasscode = () =>
    modal.confirm({
      title: t('meetings.detail.newPasscode'),
      content: t('meetings.detail.newPasscodeConfirm'),
      onOk: async () => {
        try {
          const { passcode } = await meetingsApi.passcode(meeting.id);
          modal.info({
            title: t('meetings.scheduled.passcode'),
            content: (
              <span className="tb-secret" data-testid="passcode">
                {passcode}
              </span>
            ),
          });
        } catch (err) {
          message.error(meetingErrorText(t, err));
        }
      },
    });

  return (
    <Space wrap className="tb-meeting-actions">
      {events.includes('schedule') && (
        <Button
          type="primary"
          onClick={() =>
            void run(
              () => meetingsApi.schedule(meeting.id),
              () => meetingsApi.schedule(meeting.id, true),
            )
          }
        >
          {t('meetings.detail.scheduleDraft')}
        </Button>
      )}
      {meeting.me.can.run && meeting.status === 'scheduled' && (
        <Button type="primary" onClick={() => void run(() => meetingsApi.start(meeting.id))}>
          {t('meetings.detail.start')}
        </Button>
      )}
      {meeting.me.can.run && meeting.status === 'in_progress' && (
        <Button
          onClick={() =>
            modal.confirm({
              title: t('meetings.detail.endConfirm'),
              onOk: () => run(() => meetingsApi.end(meeting.id)),
            })
          }
        >
          {t('meetings.detail.end')}
        </Button>
      )}
      {meeting.me.can.run && live && (
        <Button onClick={() => navigate(`/meetings/${meeting.id}/screen`)} data-testid="open-screen">
          {t('meetings.detail.screen')}
        </Button>
      )}
      {events.includes('edit') && (
        <Button onClick={() => setEditing(true)} data-testid="edit-meeting">
          {t('meetings.detail.edit')}
        </Button>
      )}
      {events.includes('reschedule') && (
        <Button onClick={() => setRescheduling(true)}>{t('meetings.detail.reschedule')}</Button>
      )}
      {meeting.me.can.manage && meeting.online && live && (
        <Button onClick={newPasscode}>{t('meetings.detail.newPasscode')}</Button>
      )}
      {(meeting.classification === 'public' || meeting.classification === 'internal') && (
        <Button href={meetingsApi.icsUrl(meeting.id)}>{t('meetings.detail.ics')}</Button>
      )}
      {events.includes('cancel') && (
        <Button danger onClick={() => setCancelling(true)}>
          {t('meetings.detail.cancel')}
        </Button>
      )}
      <EditMeetingModal
        meeting={meeting}
        open={editing}
        onClose={() => setEditing(false)}
        onDone={async () => {
          setEditing(false);
          await onChanged();
        }}
      />
      <RescheduleModal
        meeting={meeting}
        open={rescheduling}
        onClose={() => setRescheduling(false)}
        onDone={async () => {
          setRescheduling(false);
          message.success(t('meetings.detail.rescheduled'));
          await onChanged();
        }}
      />
      <CancelModal
        meetingId={meeting.id}
        open={cancelling}
        onClose={() => setCancelling(false)}
        onDone={async () => {
          setCancelling(false);
          await onChanged();
        }}
      />
    </Space>
  );
}

interface RescheduleForm {
  date: string;
  startTime: string;
  endTime: string;
  roomId?: string | null;
}

function RescheduleModal({
  meeting,
  open,
  onClose,
  onDone,
}: {
  meeting: MeetingDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<RescheduleForm>();
  const [rooms, setRooms] = useState<Room[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open)
      roomsApi.list().then(
        (r) => setRooms(r.items),
        (err: unknown) => message.error(meetingErrorText(t, err)),
      );
  }, [open, message, t]);

  const send = async (v: RescheduleForm, acceptClashes: boolean): Promise<void> => {
    setSaving(true);
    try {
      await meetingsApi.reschedule(meeting.id, {
        startAt: toInstant(v.date, v.startTime, meeting.timeZone),
        endAt: toInstant(v.date, v.endTime, meeting.timeZone),
        ...(meeting.mode === 'online' ? {} : { roomId: v.roomId ?? null }),
        acceptClashes,
      });
      await onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'participant_clash' && !acceptClashes) {
        modal.confirm({
          title: t('meetings.check.proceedTitle'),
          content: t('meetings.check.proceedBody'),
          okText: t('meetings.check.proceed'),
          onOk: () => send(v, true),
        });
        return;
      }
      message.error(meetingErrorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('meetings.detail.rescheduleTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <Form<RescheduleForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void send(v, false)}
        initialValues={{
          date: localDay(meeting.startAt, meeting.timeZone),
          startTime: hm(meeting.startAt, meeting.timeZone),
          endTime: hm(meeting.endAt, meeting.timeZone),
          roomId: meeting.room?.id ?? null,
        }}
      >
        <Form.Item
          name="date"
          label={t('meetings.form.date')}
          rules={[{ required: true, message: t('meetings.form.timeRequired') }, notPastDate(t, meeting.timeZone)]}
        >
          <Input type="date" />
        </Form.Item>
        <Space>
          <Form.Item name="startTime" label={t('meetings.form.startTime')} rules={[{ required: true }]}>
            <Input type="time" step={300} />
          </Form.Item>
          <Form.Item name="endTime" label={t('meetings.form.endTime')} rules={[{ required: true }]}>
            <Input type="time" step={300} />
          </Form.Item>
        </Space>
        {meeting.mode !== 'online' && (
          <Form.Item name="roomId" label={t('meetings.form.room')}>
            <Select
              allowClear
              options={rooms.map((r) => ({
                value: r.id,
                label: t('meetings.form.roomCapacity', { name: r.name, capacity: r.capacity }),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function CancelModal({
  meetingId,
  open,
  onClose,
  onDone,
}: {
  meetingId: string;
  open: boolean;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      await meetingsApi.cancel(meetingId, reason.trim());
      await onDone();
    } catch (err) {
      message.error(meetingErrorText(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('meetings.detail.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true, loading: saving }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('meetings.detail.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('meetings.detail.cancelReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
