// Shows a new account's (or a reset) temporary password once, with a copy button.
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/CopyButton.tsx';

export interface OneTimePassword {
  kind: 'created' | 'reset';
  name: string;
  password: string;
}

export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={value?.kind === 'reset' ? t('users.oneTimePassword.resetTitle') : t('users.oneTimePassword.createdTitle')}
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
          <Alert type="warning" showIcon title={t('users.oneTimePassword.text', { name: value.name })} />
          <Typography.Text type="secondary">{t('users.oneTimePassword.label')}</Typography.Text>
          <code className="tb-secret" data-testid="temporary-password">
            {value.password}
          </code>
          <CopyButton text={value.password} size="large" />
        </Flex>
      )}
    </Modal>
  );
}
