// 首次设置: with the one-time link printed at first start, name the organisation and create the three separated
// administrators (system, security, audit). The password rules sit with the password fields, and a password the
// server refuses is marked on its own field, naming the administrator it belongs to.
import { Alert, Button, Card, Col, Form, Input, Result, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/errorMessage.ts';
import { setupApi, type AdminAccount } from '../../api/setup.ts';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { DUTIES, weakPasswords } from './weakPasswords.ts';

interface Values {
  organisationName: string;
  system: AdminAccount;
  security: AdminAccount;
  audit: AdminAccount;
}

const USERNAME = /^[a-zA-Z0-9._-]{3,32}$/;

export function SetupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    setupApi.status().then(
      (s) => setNeeded(s.needed),
      (err: unknown) => setError(errorMessage(t, err)),
    );
  }, [t]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await setupApi.run({ token, ...values });
      setDone(true);
    } catch (err) {
      const weak = weakPasswords(t, err);
      if (weak.length > 0) {
        form.setFields(weak.map((w) => ({ name: [w.account, 'password'], errors: [w.message] })));
        setError(weak.map((w) => w.message).join('\n'));
      } else {
        setError(errorMessage(t, err));
      }
    } finally {
      setBusy(false);
    }
  };

  if (needed === null && !error) return <PageLoading fullScreen />;
  const goSignIn = (
    <Link to="/sign-in">
      <Button type="primary" size="large">
        {t('setup.goSignIn')}
      </Button>
    </Link>
  );
  if (done) {
    return (
      <AuthLayout title={t('setup.title')}>
        <Result status="success" title={t('setup.doneTitle')} subTitle={t('setup.doneText')} extra={goSignIn} />
      </AuthLayout>
    );
  }
  if (needed === false) {
    return (
      <AuthLayout title={t('setup.title')}>
        <Result status="info" title={t('setup.alreadyDone')} extra={goSignIn} />
      </AuthLayout>
    );
  }
  if (!token) {
    return (
      <AuthLayout title={t('setup.title')}>
        <Alert type="warning" showIcon title={t('setup.missingToken')} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('setup.title')} wide>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} size="large">
        <Form.Item
          name="organisationName"
          label={t('setup.organisation')}
          rules={[{ required: true, whitespace: true, message: t('setup.organisationRequired') }]}
        >
          <Input placeholder={t('setup.organisationPlaceholder')} maxLength={64} />
        </Form.Item>
        <Row gutter={[16, 16]}>
          {DUTIES.map((duty) => (
            <Col key={duty} xs={24} md={8}>
              <Card
                size="small"
                title={t(`setup.${duty}`)}
                style={{ height: '100%' }}
                styles={{ body: { paddingBottom: 4 } }}
                data-testid={`setup-${duty}`}
              >
                <Typography.Paragraph type="secondary" style={{ fontSize: 13, minHeight: 60 }}>
                  {t(`setup.${duty}Hint`)}
                </Typography.Paragraph>
                <Form.Item
                  name={[duty, 'username']}
                  label={t('setup.username')}
                  rules={[{ required: true, pattern: USERNAME, message: t('setup.usernameRule') }]}
                >
                  <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
                </Form.Item>
                <Form.Item
                  name={[duty, 'displayName']}
                  label={t('setup.displayName')}
                  rules={[{ required: true, whitespace: true, message: t('setup.displayNameRequired') }]}
                >
                  <Input maxLength={64} />
                </Form.Item>
                <Form.Item
                  name={[duty, 'password']}
                  label={t('setup.password')}
                  extra={t('passwordForm.policy')}
                  rules={[{ required: true, message: t('passwordForm.newRequired') }]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Card>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 12 }}>
          {t('setup.passwordsDifferent')}
        </Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            title={<span style={{ whiteSpace: 'pre-line' }}>{error}</span>}
            style={{ marginTop: 16 }}
            data-testid="setup-error"
          />
        )}
        <Button type="primary" htmlType="submit" size="large" loading={busy} style={{ marginTop: 20, minWidth: 200 }}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
