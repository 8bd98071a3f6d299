// After scheduling: the passcode (shown this once), the join link, warnings; then on to the meeting.
import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScheduleOutcome } from '../../../api/meetings.ts';
import { CopyButton } from '../../../components/CopyButton.tsx';

export function ScheduledModal({ outcome, onClose }: { outcome: ScheduleOutcome | null; onClose: () => void }) {
  const { t } = useTranslation();
  const draft = outcome?.status === 'draft';
  return (
    <Modal
      open={outcome !== null}
      title={draft ? t('meetings.scheduled.draftTitle') : t('meetings.scheduled.title')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('meetings.scheduled.view')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
    >
      {outcome && (
        <div data-testid="scheduled">
          {!draft && <Typography.Paragraph>{t('meetings.scheduled.notified')}</Typography.Paragraph>}
          {outcome.warnings.map((w) => (
            <Alert
              key={w.code}
              type="warning"
              showIcon
              message={t('meetings.scheduled.warningCapacity', { capacity: w.capacity, seats: w.seats })}
              style={{ marginBottom: 12 }}
            />
          ))}
          {outcome.passcode && (
            <>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('meetings.scheduled.passcode')}>
                  <Typography.Text className="tb-secret" data-testid="passcode">
                    {outcome.passcode}
                  </Typography.Text>
                </Descriptions.Item>
                {outcome.joinUrl && (
                  <Descriptions.Item label={t('meetings.scheduled.joinLink')}>
                    <Typography.Text copyable={false} style={{ wordBreak: 'break-all' }}>
                      {outcome.joinUrl}
                    </Typography.Text>{' '}
                    <CopyButton text={outcome.joinUrl} />
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('meetings.scheduled.passcodeHint')}
              </Typography.Paragraph>
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
