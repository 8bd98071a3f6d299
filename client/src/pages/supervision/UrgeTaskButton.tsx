// 催办 on a task's page: shown to the task's supervisors while the work is owed (the detail's `mayUrge`); the message
// goes to the owner, co-owners and the lead unit's handlers, and the urge appears in the timeline.
import { BellOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supervisionApi, type TaskDetail } from '../../api/supervision.ts';
import { supervisionError } from './supervisionLabels.tsx';

export function UrgeTaskButton({ task, onChanged }: { task: TaskDetail; onChanged: (task: TaskDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ message: string }>();

  const send = async (text: string) => {
    setBusy(true);
    try {
      const next = await supervisionApi.urge(task.id, text);
      const urged = next.timeline.findLast((e) => e.kind === 'urged');
      message.success(t('supervision.urge.sent', { count: Number(urged?.detail.notified ?? 0) }));
      onChanged(next);
      setOpen(false);
    } catch (err) {
      message.error(supervisionError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="large" icon={<BellOutlined />} onClick={() => setOpen(true)} data-testid="task-urge">
        {t('supervision.urge.button')}
      </Button>
      <Modal
        open={open}
        title={t('supervision.urge.title')}
        okText={t('supervision.urge.button')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void send(v.message.trim())}>
          <Form.Item
            name="message"
            label={t('supervision.urge.message')}
            rules={[{ required: true, whitespace: true, message: t('supervision.urge.required') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={500}
              placeholder={t('supervision.urge.placeholder')}
              data-testid="task-urge-message"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
