// Change one's own password: current, new, repeated. Used by the forced change at sign-in and in settings.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { meApi } from '../api/me.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function PasswordChangeForm({
  temporary = false,
  onDone,
}: {
  temporary?: boolean;
  onDone: () => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await meApi.changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      await onDone();
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} style={{ maxWidth: 480 }}>
      <Typography.Paragraph type="secondary">{t('passwordForm.policy')}</Typography.Paragraph>
      <Form.Item
        name="currentPassword"
        label={temporary ? t('passwordForm.currentTemporary') : t('passwordForm.current')}
        rules={[{ required: true, message: t('passwordForm.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('passwordForm.new')}
        rules={[{ required: true, message: t('passwordForm.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="repeat"
        label={t('passwordForm.repeat')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('passwordForm.repeatRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('passwordForm.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Button type="primary" htmlType="submit" loading={saving} size="large">
        {t('passwordForm.submit')}
      </Button>
    </Form>
  );
}
