// Raised hands in the order they went up; the host lowers one or all, and in a plenary gives a hand the floor (发言权).
import { useTranslation } from 'react-i18next';
import { App, Button, Empty, List, Typography } from 'antd';
import dayjs from 'dayjs';
import type { MeetingClient, MeetingView } from '../media/MeetingClient.ts';

export function HandsPanel({ client, view }: { client: MeetingClient; view: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isHost = view.self?.isHost ?? false;
  if (view.hands.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetingRoom.hands.empty')} />;
  return (
    <div className="mr-panel__scroll" data-testid="hands-panel">
      {isHost && (
        <Button style={{ margin: '8px 0' }} onClick={() => void client.lowerHand('all')}>
          {t('meetingRoom.hands.lowerAll')}
        </Button>
      )}
      <List
        dataSource={view.hands}
        renderItem={(hand, index) => (
          <List.Item
            data-testid="raised-hand"
            data-name={hand.displayName}
            actions={
              isHost || hand.peerId === view.self?.peerId
                ? [
                    ...(isHost && view.room.plenary && hand.peerId !== view.self?.peerId
                      ? [
                          <Button
                            key="floor"
                            size="small"
                            type="primary"
                            data-testid="grant-floor"
                            onClick={() =>
                              client.setSpeaker(hand.peerId, true).catch((err: unknown) => {
                                console.warn('giving the floor failed', err);
                                message.error(t('meetingRoom.hands.grantFailed'));
                              })
                            }
                          >
                            {t('meetingRoom.participants.grantFloor')}
                          </Button>,
                        ]
                      : []),
                    <Button key="lower" size="small" onClick={() => void client.lowerHand(hand.peerId)}>
                      {t('meetingRoom.hands.lower')}
                    </Button>,
                  ]
                : []
            }
          >
            <Typography.Text>
              {index + 1}. {hand.displayName}
            </Typography.Text>
            <Typography.Text type="secondary">{dayjs(hand.raisedAt).format('HH:mm:ss')}</Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
