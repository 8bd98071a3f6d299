// The first sign-in step: user name and password, with clear answers for a wrong password, a lockout (until when)
// and too many attempts.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { errorMessage, lockedUntil } from '../../api/errorMessage.ts';
import { ApiError } from '../../api/http.ts';
import { useSession, type SignInNotice } from '../../session/sessionContext.ts';

interface Values {
  username: string;
  password: string;
}

const CALM_NOTICES: ReadonlySet<SignInNotice> = new Set(['signed_out_here', 'signed_out_everywhere']);

export function PasswordStep({
  notice,
  carriedError,
  onSignedIn,
}: {
  notice: SignInNotice | null;
  carriedError: unknown;
  onSignedIn: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [error, setError] = useState<unknown>(carriedError);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await authApi.signIn(values.username.trim(), values.password);
      onSignedIn();
      await session.adopt(answer);
    } catch (err) {
      setError(err);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  const locked = error instanceof ApiError && error.code === 'account_locked';
  return (
    <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false}>
      {notice && !error && (
        <Alert
          type={CALM_NOTICES.has(notice) ? 'success' : 'warning'}
          showIcon
          title={t(`signIn.notices.${notice}`)}
          style={{ marginBottom: 16 }}
          data-testid="sign-in-notice"
        />
      )}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={locked ? t('signIn.lockedTitle') : errorMessage(t, error)}
          description={locked ? errorMessage(t, error) : undefined}
          style={{ marginBottom: 16 }}
          data-testid="sign-in-error"
          data-locked-until={lockedUntil(error)?.toISOString()}
        />
      )}
      <Form.Item
        name="username"
        label={t('signIn.username')}
        rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          autoFocus
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('signIn.password')}
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('signIn.submit')}
      </Button>
    </Form>
  );
}
