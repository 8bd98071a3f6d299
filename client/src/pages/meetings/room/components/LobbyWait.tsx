// Waiting in the lobby until the host admits (the client then joins by itself) or declines.
import { useTranslation } from 'react-i18next';
import { Button, Result, Spin } from 'antd';

export function LobbyWait({ title, onLeave }: { title: string | null; onLeave(): void }) {
  const { t } = useTranslation();
  return (
    <div className="mr-centre">
      <Result
        icon={<Spin size="large" />}
        title={t('meetingRoom.lobby.heading')}
        subTitle={
          <>
            {title && <div>{title}</div>}
            <div>{t('meetingRoom.lobby.body')}</div>
          </>
        }
        data-testid="lobby-wait"
        extra={<Button onClick={onLeave}>{t('meetingRoom.lobby.leave')}</Button>}
      />
    </div>
  );
}
