// 用重置码设置新密码: a user who lost their password sets a new one with the two halves of a reset code, one handed
// over by the system administrator and one by the security administrator (neither alone can sign in as the user).
import { KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { errorMessage } from '../../api/errorMessage.ts';

interface Values {
  username: string;
  firstCode: string;
  secondCode: string;
  newPassword: string;
  confirm: string;
}

export function ResetWithCodesStep({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await authApi.completePasswordReset({
        username: v.username.trim(),
        firstCode: v.firstCode.trim(),
        secondCode: v.secondCode.trim(),
        newPassword: v.newPassword,
      });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const code = { required: true, whitespace: true, message: t('signIn.reset.codeRequired') };
  return (
    <Form
      form={form}
      layout="vertical"
      size="large"
      onFinish={(v) => void submit(v)}
      requiredMark={false}
      data-testid="reset-with-codes"
    >
      <Typography.Paragraph type="secondary">{t('signIn.reset.hint')}</Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="username"
        label={t('signIn.username')}
        rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
      </Form.Item>
      <Form.Item name="firstCode" label={t('signIn.reset.firstCode')} rules={[code]}>
        <Input prefix={<KeyOutlined />} placeholder="XXXX-XXXX" autoComplete="off" autoCapitalize="characters" />
      </Form.Item>
      <Form.Item name="secondCode" label={t('signIn.reset.secondCode')} rules={[code]}>
        <Input prefix={<KeyOutlined />} placeholder="XXXX-XXXX" autoComplete="off" autoCapitalize="characters" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('signIn.reset.newPassword')}
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('signIn.reset.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('signIn.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('signIn.reset.mismatch'))),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('signIn.reset.submit')}
      </Button>
      <Button type="link" block onClick={onCancel} style={{ marginTop: 8 }}>
        {t('signIn.reset.back')}
      </Button>
    </Form>
  );
}
