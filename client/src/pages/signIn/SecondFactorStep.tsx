// The second sign-in step: a code from the authenticator app, or one of the recovery codes.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { ApiError } from '../../api/http.ts';
import { useSession } from '../../session/sessionContext.ts';

/** Answers after which this pending sign-in is gone on the server: start again at the password. */
const FATAL = new Set(['account_locked', 'no_pending_sign_in', 'unauthenticated']);

export function SecondFactorStep({ onFatal }: { onFatal: (err: unknown) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  const submit = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await session.adopt(await authApi.verifySecondFactor(code.trim()));
    } catch (err) {
      if (err instanceof ApiError && FATAL.has(err.code)) {
        onFatal(err);
        return;
      }
      setError(errorMessage(t, err));
      form.setFieldValue('code', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false}>
      <Typography.Paragraph type="secondary">
        {recovery ? t('signIn.recoveryCodeHint') : t('signIn.secondFactorHint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
      <Form.Item
        name="code"
        label={recovery ? t('signIn.recoveryCode') : t('signIn.code')}
        rules={[{ required: true, whitespace: true, message: t('signIn.codeRequired') }]}
      >
        {recovery ? (
          <Input
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            placeholder={t('signIn.recoveryCodePlaceholder')}
            autoFocus
          />
        ) : (
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('signIn.codePlaceholder')}
            autoFocus
            style={{ letterSpacing: '0.3em', fontSize: 20 }}
          />
        )}
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('signIn.verify')}
      </Button>
      <Button
        type="link"
        block
        style={{ marginTop: 8 }}
        onClick={() => {
          setRecovery(!recovery);
          setError(null);
          form.resetFields();
        }}
      >
        {recovery ? t('signIn.useAuthenticator') : t('signIn.useRecoveryCode')}
      </Button>
    </Form>
  );
}
