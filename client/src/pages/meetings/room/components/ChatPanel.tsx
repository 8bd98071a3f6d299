// 文字互动: messages to everyone, or privately to the host; the history of the meeting comes with joining.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Empty, Flex, Input, Segmented, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { MeetingClient, MeetingView } from '../media/MeetingClient.ts';
import { meetingErrorText } from '../meetingErrors.ts';
import { MeetingRequestError } from '../../../../realtime/meetingConnection.ts';

export function ChatPanel({ client, view }: { client: MeetingClient; view: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [to, setTo] = useState<'all' | 'host'>('all');
  const [sending, setSending] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const isHost = view.self?.isHost ?? false;

  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [view.chat.length]);

  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    try {
      await client.sendChat(body, isHost ? 'all' : to);
      setText('');
    } catch (err) {
      message.error(
        t('meetingRoom.chat.sendFailed', {
          message: err instanceof MeetingRequestError ? meetingErrorText(t, err.code) : String(err),
        }),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="mr-chat" data-testid="chat-panel">
      <div className="mr-chat__list" ref={list}>
        {view.chat.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetingRoom.chat.empty')} />
        )}
        {view.chat.map((m) => (
          <div key={m.id} data-testid="chat-message" style={{ padding: '6px 0' }}>
            <Flex gap={6} align="baseline">
              <Typography.Text strong>{m.fromName}</Typography.Text>
              {m.to === 'host' && <Tag color="purple">{t('meetingRoom.chat.private')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(m.at).format('HH:mm')}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{m.text}</Typography.Paragraph>
          </div>
        ))}
      </div>
      <div className="mr-chat__compose">
        {!isHost && view.room.hostUserId && (
          <Segmented
            size="small"
            style={{ marginBottom: 8 }}
            value={to}
            onChange={(v) => setTo(v as 'all' | 'host')}
            options={[
              { value: 'all', label: t('meetingRoom.chat.toAll') },
              { value: 'host', label: t('meetingRoom.chat.toHost') },
            ]}
          />
        )}
        <Flex gap={8}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            placeholder={t('meetingRoom.chat.placeholder')}
            data-testid="chat-input"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void send();
              }
            }}
          />
          <Button type="primary" loading={sending} onClick={() => void send()} data-testid="chat-send">
            {t('meetingRoom.chat.send')}
          </Button>
        </Flex>
      </div>
    </div>
  );
}
