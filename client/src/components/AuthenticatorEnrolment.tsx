// Enrolling an authenticator app: QR code and key, a code to prove it works, then the recovery codes, shown once.
import { Alert, Button, Checkbox, Flex, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { meApi, type Enrolment, type EnrolmentConfirmed } from '../api/me.ts';
import { CopyButton } from './CopyButton.tsx';

interface Props {
  /** Confirms the code; the caller decides how the re-issued session is taken over. */
  confirm: (code: string) => Promise<EnrolmentConfirmed>;
  /** After the person has acknowledged the recovery codes. */
  onDone: (result: EnrolmentConfirmed) => void | Promise<void>;
}

/**
 * Groups of four are easier to type into an app by hand (authenticators ignore the spaces). A line may break between
 * groups, never inside one; copying the text still gives the key with a space between groups.
 */
function Grouped({ secret }: { secret: string }) {
  const groups = secret.match(/.{1,4}/g) ?? [];
  return groups.map((group, i) => (
    <span key={i}>
      {i > 0 && ' '}
      <span className="tb-secret__group">{group}</span>
    </span>
  ));
}

export function AuthenticatorEnrolment({ confirm, onDone }: Props) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<EnrolmentConfirmed | null>(null);
  const [saved, setSaved] = useState(false);
  const [finishing, setFinishing] = useState(false);
  // Each start issues a new secret and voids the previous one: start once, even when effects run twice.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    meApi.startEnrolment().then(setEnrolment, (err: unknown) => setStartError(errorMessage(t, err)));
  }, [t]);

  const submit = async ({ code }: { code: string }) => {
    setConfirming(true);
    setCodeError(null);
    try {
      setResult(await confirm(code.trim()));
    } catch (err) {
      setCodeError(errorMessage(t, err));
    } finally {
      setConfirming(false);
    }
  };

  if (startError) return <Alert type="error" showIcon title={t('enrolment.startFailed', { message: startError })} />;
  if (!enrolment)
    return (
      <Spin description={t('enrolment.starting')}>
        <div style={{ minHeight: 200 }} />
      </Spin>
    );

  if (result) {
    return (
      <Flex vertical gap={16} data-testid="recovery-codes">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('enrolment.recoveryTitle')}
        </Typography.Title>
        <Alert type="warning" showIcon title={t('enrolment.recoveryHint')} />
        <ol className="tb-recovery-codes">
          {result.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        <CopyButton text={result.recoveryCodes.join('\n')} label={t('enrolment.copyAll')} size="large" />
        <Checkbox
          checked={saved}
          onChange={(e) => setSaved(e.target.checked)}
          className="tb-touch-options"
          style={{ minHeight: 44, alignItems: 'center' }}
        >
          {t('enrolment.savedCheck')}
        </Checkbox>
        <Button
          type="primary"
          size="large"
          disabled={!saved}
          loading={finishing}
          onClick={() => {
            setFinishing(true);
            Promise.resolve(onDone(result)).finally(() => setFinishing(false));
          }}
        >
          {t('enrolment.continue')}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Text strong>1. {t('enrolment.step1')}</Typography.Text>
      <Flex gap={20} wrap align="center">
        <img src={enrolment.qrDataUrl} alt={t('enrolment.qrAlt')} className="tb-qr" />
        <Flex vertical gap={6} style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Typography.Text type="secondary">{t('enrolment.cannotScan')}</Typography.Text>
          <code
            className="tb-secret tb-secret--grouped"
            data-testid="totp-secret"
            aria-label={t('enrolment.secretLabel')}
          >
            <Grouped secret={enrolment.secret} />
          </code>
          <CopyButton text={enrolment.secret} />
        </Flex>
      </Flex>
      <Typography.Text strong>2. {t('enrolment.step2')}</Typography.Text>
      <Form layout="inline" onFinish={(v: { code: string }) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="code"
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('signIn.codePlaceholder') }]}
          style={{ flex: '1 1 180px', marginBottom: 8 }}
        >
          <Input
            size="large"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('signIn.codePlaceholder')}
            aria-label={t('signIn.code')}
            style={{ letterSpacing: '0.3em', fontSize: 20 }}
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" size="large" loading={confirming}>
            {t('enrolment.confirm')}
          </Button>
        </Form.Item>
      </Form>
      {codeError && <Alert type="error" showIcon title={codeError} />}
    </Flex>
  );
}
