// 编辑会议信息: what a meeting is about (title, type, classification, description) and, before it starts, whether it
// is a plenary (全体会议). Only what changed is sent; the server refuses a plenary change once the meeting has started.
import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_TYPES, meetingsApi, type MeetingDetail } from '../../../api/meetings.ts';
import { CLASSIFICATIONS } from '../../../api/types.ts';
import { clearanceLabel } from '../../../components/labels.ts';
import { meetingErrorText } from '../meetingErrorText.ts';
import { typeLabel } from '../meetingLabels.tsx';
import { changesOf, type EditForm } from './meetingChanges.ts';

export function EditMeetingModal({
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
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const type = Form.useWatch('type', form);
  const [saving, setSaving] = useState(false);

  const submit = async (v: EditForm) => {
    const changes = changesOf(meeting, v);
    if (Object.keys(changes).length === 0) return onClose();
    setSaving(true);
    try {
      await meetingsApi.update(meeting.id, changes);
      message.success(t('meetings.detail.edited'));
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
      title={t('meetings.detail.editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <Form<EditForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          title: meeting.title,
          type: meeting.type,
          customType: meeting.customType ?? undefined,
          classification: meeting.classification,
          description: meeting.description,
          plenary: meeting.plenary,
        }}
      >
        <Form.Item
          name="title"
          label={t('meetings.form.meetingTitle')}
          rules={[{ required: true, whitespace: true, message: t('meetings.form.meetingTitleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="type" label={t('meetings.form.type')}>
          <Select options={MEETING_TYPES.map((value) => ({ value, label: typeLabel(t, value) }))} />
        </Form.Item>
        {type === 'custom' && (
          <Form.Item
            name="customType"
            label={t('meetings.form.customType')}
            rules={[{ required: true, whitespace: true, message: t('meetings.form.customTypeRequired') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        )}
        <Form.Item name="classification" label={t('meetings.form.classification')}>
          <Select options={CLASSIFICATIONS.map((c) => ({ value: c, label: clearanceLabel(t, c) }))} />
        </Form.Item>
        {meeting.mode !== 'in_room' && (
          <Form.Item
            name="plenary"
            valuePropName="checked"
            extra={meeting.me.can.changePlenary ? t('meetings.form.plenaryHint') : t('meetings.detail.plenaryLocked')}
            data-testid="edit-plenary-field"
          >
            <Checkbox disabled={!meeting.me.can.changePlenary} data-testid="edit-plenary">
              {t('meetings.form.plenary')}
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item name="description" label={t('meetings.form.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
