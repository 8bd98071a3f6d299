// After the meeting for this person: left, removed, declined, ended, or never got in.
import { useTranslation } from 'react-i18next';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import type { Phase } from '../media/MeetingClient.ts';

export function EndState({
  phase,
  detail,
  meetingId,
  onRejoin,
}: {
  phase: Exclude<Phase, 'joining' | 'lobby' | 'joined'>;
  detail: string | null;
  meetingId: string | null;
  onRejoin(): void;
}) {
  const { t } = useTranslation();
  const status = phase === 'left' || phase === 'ended' ? 'info' : phase === 'failed' ? 'error' : 'warning';
  return (
    <div className="mr-centre">
      <Result
        status={status}
        title={t(`meetingRoom.ended.${phase}`)}
        subTitle={detail}
        data-testid="meeting-end"
        extra={[
          ...(phase === 'left' || phase === 'failed'
            ? [
                <Button key="rejoin" type="primary" onClick={onRejoin}>
                  {t('meetingRoom.ended.rejoin')}
                </Button>,
              ]
            : []),
          <Link key="back" to={meetingId ? `/meetings/${meetingId}` : '/meetings'}>
            <Button>{t('meetingRoom.ended.back')}</Button>
          </Link>,
        ]}
      />
    </div>
  );
}
