// 个人设置: my profile, password, authenticator, signing out everywhere, language.
import { CheckCircleFilled, LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { meApi } from '../../api/me.ts';
import { AuthenticatorEnrolment } from '../../components/AuthenticatorEnrolment.tsx';
import { clearanceLabel, roleLabel } from '../../components/labels.ts';
import { PasswordChangeForm } from '../../components/PasswordChangeForm.tsx';
import { currentLocale, isLocale, LOCALES } from '../../i18n/index.ts';
import { useActiveSession, useSession } from '../../session/sessionContext.ts';

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useActiveSession();
  const api = useSession();
  const { user } = session;
  const [enrolling, setEnrolling] = useState(false);

  return (
    <div className="tb-page" style={{ maxWidth: 960 }}>
      <Typography.Title level={3} className="tb-page-title">
        {t('settings.title')}
      </Typography.Title>
      <Flex vertical gap={16}>
        <Card title={t('settings.profile')}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'name', label: t('settings.fields.displayName'), children: user.displayName },
              { key: 'username', label: t('settings.fields.username'), children: user.username },
              { key: 'unit', label: t('settings.fields.unit'), children: user.unitName ?? '—' },
              { key: 'title', label: t('settings.fields.title'), children: user.title || '—' },
              {
                key: 'roles',
                label: t('settings.fields.roles'),
                children: (
                  <Space wrap>
                    {user.roles.map((r) => (
                      <Tag key={r}>{roleLabel(t, r)}</Tag>
                    ))}
                  </Space>
                ),
              },
              { key: 'clearance', label: t('settings.fields.clearance'), children: clearanceLabel(t, user.clearance) },
            ]}
          />
        </Card>

        <Card title={t('settings.password')}>
          <PasswordChangeForm
            onDone={() => {
              message.success(t('passwordForm.changed'));
            }}
          />
        </Card>

        <Card title={t('settings.authenticator')}>
          {user.mfaEnabled ? (
            <Flex gap={8} align="flex-start">
              <CheckCircleFilled style={{ color: '#2f9e44', fontSize: 20, marginTop: 3 }} />
              <Typography.Paragraph style={{ margin: 0 }}>{t('settings.mfaEnabled')}</Typography.Paragraph>
            </Flex>
          ) : enrolling ? (
            <AuthenticatorEnrolment
              // Enrolling re-issues this session; the old one's end must not look like being signed out.
              confirm={(code) => api.rotate(() => meApi.confirmEnrolment(code))}
              onDone={async () => {
                setEnrolling(false);
                await api.refresh();
                message.success(t('settings.enrolled'));
              }}
            />
          ) : (
            <Flex vertical gap={12} align="flex-start">
              {user.mfaRequired && <Alert type="warning" showIcon title={t('settings.mfaRequiredNotEnrolled')} />}
              <Typography.Paragraph style={{ margin: 0 }}>{t('settings.mfaOptional')}</Typography.Paragraph>
              <Button type="primary" size="large" onClick={() => setEnrolling(true)}>
                {t('settings.enrol')}
              </Button>
            </Flex>
          )}
        </Card>

        <Card title={t('settings.language')}>
          <Radio.Group
            className="tb-touch-options"
            value={currentLocale()}
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            onChange={(e) => {
              const value: unknown = e.target.value;
              if (isLocale(value)) void api.setLocale(value);
            }}
          />
        </Card>

        <Card title={t('settings.sessions')}>
          <Typography.Paragraph type="secondary">{t('settings.sessionsHint')}</Typography.Paragraph>
          <Popconfirm
            title={t('settings.confirmSignOutEverywhere')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => api.signOutEverywhere().catch((err: unknown) => message.error(errorMessage(t, err)))}
          >
            <Button danger size="large" icon={<LogoutOutlined />}>
              {t('settings.signOutEverywhere')}
            </Button>
          </Popconfirm>
        </Card>
      </Flex>
    </div>
  );
}
