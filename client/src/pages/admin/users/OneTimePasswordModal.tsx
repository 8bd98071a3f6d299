// Shows, once and with a copy button, a new account's temporary password or one administrator's half of a password
// reset code (the other half comes from the other administrator; only the user holds both).
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/CopyButton.tsx';

export interface OneTimePassword {
  kind: 'created' | 'resetRequested' | 'resetApproved';
  name: string;
  password: string;
  expiresAt?: string;
}

const TITLES = {
  created: 'users.oneTimePassword.createdTitle',
  resetRequested: 'users.oneTimePassword.resetRequestedTitle',
  resetApproved: 'users.oneTimePassword.resetApprovedTitle',
} as const;

const TEXTS = {
  created: 'users.oneTimePassword.text',
  resetRequested: 'users.oneTimePassword.resetRequestedText',
  resetApproved: 'users.oneTimePassword.resetApprovedText',
} as const;

export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={value ? t(TITLES[value.kind]) : null}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" size="large" onClick={onClose}>
          {t('common.done')}
        </Button>
      }
      destroyOnHidden
    >
      {value && (
        <Flex vertical gap={12} data-testid="one-time-password">
          <Alert
            type="warning"
            showIcon
            title={t(TEXTS[value.kind], {
              name: value.name,
              until: value.expiresAt ? dayjs(value.expiresAt).format('YYYY-MM-DD HH:mm') : '',
            })}
          />
          <Typography.Text type="secondary">
            {value.kind === 'created' ? t('users.oneTimePassword.label') : t('users.oneTimePassword.codeLabel')}
          </Typography.Text>
          <code className="tb-secret" data-testid="temporary-password">
            {value.password}
          </code>
          <CopyButton text={value.password} size="large" />
        </Flex>
      )}
    </Modal>
  );
}
