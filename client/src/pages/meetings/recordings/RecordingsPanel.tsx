// The meeting page's recordings tab: each recording with its state, when and by whom it was started, its length, and
// the way to play it (beside the minutes). Recordings still being prepared are re-read until they settle.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { Alert, Button, Empty, List, Space, Tag, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../api/errorMessage.ts';
import { recordingsApi, type Recording } from '../../../api/recordings.ts';
import { formatDuration } from './duration.ts';

const STATUS_COLOR: Record<Recording['status'], string> = {
  recording: 'red',
  processing: 'processing',
  complete: 'green',
  partial: 'orange',
  failed: 'default',
};
const REFRESH_MS = 3_000;

export function RecordingsPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Recording[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    () =>
      recordingsApi.list(meetingId).then(
        (r) => {
          setItems(r.items);
          setError(null);
          return r.items;
        },
        (err: unknown) => {
          setError(err);
          return null;
        },
      ),
    [meetingId],
  );

  useEffect(() => {
    let timer: number | undefined;
    let live = true;
    const poll = async () => {
      const list = await load();
      if (live && list?.some((r) => r.status === 'recording' || r.status === 'processing'))
        timer = window.setTimeout(() => void poll(), REFRESH_MS);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [load]);

  if (error !== null) return <Alert type="error" showIcon title={errorMessage(t, error)} />;
  if (items === null) return null;
  if (items.length === 0) return <Empty description={t('recording.empty')} />;
  return (
    <List
      data-testid="recordings"
      dataSource={[...items].reverse()}
      renderItem={(r) => (
        <List.Item
          data-testid="recording-item"
          data-status={r.status}
          actions={
            r.playable
              ? [
                  <Link
                    key="play"
                    to={`/meetings/${encodeURIComponent(meetingId)}/recordings/${encodeURIComponent(r.id)}`}
                    data-testid="play-recording"
                  >
                    <Button type="primary" icon={<PlayCircleOutlined />}>
                      {t('recording.play')}
                    </Button>
                  </Link>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space>
                <span>{dayjs(r.startedAt).format('YYYY-MM-DD HH:mm')}</span>
                <Tag color={STATUS_COLOR[r.status]}>{t(`recording.status.${r.status}`)}</Tag>
              </Space>
            }
            description={
              <Space direction="vertical" size={0}>
                <Typography.Text type="secondary">
                  {[
                    r.startedBy ? t('recording.startedBy', { name: r.startedBy.displayName }) : null,
                    r.durationMs > 0 ? t('recording.duration', { duration: formatDuration(r.durationMs) }) : null,
                    r.size > 0 ? t('recording.size', { mb: (r.size / 1024 / 1024).toFixed(1) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
                {r.status === 'partial' && (
                  <Typography.Text type="warning">{t('recording.partialHint')}</Typography.Text>
                )}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
