// Warns before the server's idle timeout ends the session and signs out when it runs out. Every answered API call
// in any tab of this browser counts as activity, as it does on the server.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Modal, Space, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { authApi } from '../api/auth.ts';
import { ApiError, onActivity } from '../api/http.ts';
import { useSession } from './sessionContext.ts';

const STORAGE_KEY = 'tongban.lastActivity';
const WARN_BEFORE_MS = 2 * 60_000;
/** The server refreshes its idle timer at most once a minute, so its view of our last activity can lag that much. */
const SERVER_TOUCH_LAG_MS = 60_000;
const TICK_MS = 1_000;

function lastActivity(): number {
  const stored = Number(window.localStorage.getItem(STORAGE_KEY));
  return Number.isFinite(stored) ? stored : 0;
}

function markActivity(): void {
  window.localStorage.setItem(STORAGE_KEY, String(Date.now()));
}

function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function IdleWatch({ idleMinutes }: { idleMinutes: number }) {
  const { t } = useTranslation();
  const session = useSession();
  const [remaining, setRemaining] = useState<number | null>(null);
  const [staying, setStaying] = useState(false);

  useEffect(() => {
    markActivity();
    return onActivity(markActivity);
  }, []);

  useEffect(() => {
    const limit = idleMinutes * 60_000 - SERVER_TOUCH_LAG_MS;
    const timer = window.setInterval(() => {
      const left = lastActivity() + limit - Date.now();
      if (left <= 0) {
        window.clearInterval(timer);
        // Ending it ourselves: asking the server whether it is still alive would itself count as activity.
        authApi
          .signOut()
          .catch((err: unknown) => {
            if (!(err instanceof ApiError)) throw err;
          })
          .finally(() => session.ended('idle'));
        return;
      }
      setRemaining(left <= WARN_BEFORE_MS ? left : null);
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [idleMinutes, session]);

  const stay = () => {
    setStaying(true);
    session.refresh().finally(() => setStaying(false));
  };

  return (
    <Modal
      open={remaining !== null}
      title={
        <Space>
          <ClockCircleOutlined />
          {t('idle.title')}
        </Space>
      }
      closable={false}
      mask={{ closable: false }}
      footer={[
        <Button key="out" size="large" onClick={() => void session.signOut()}>
          {t('idle.signOut')}
        </Button>,
        <Button key="stay" size="large" type="primary" loading={staying} onClick={stay}>
          {t('idle.stay')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('idle.text', { remaining: formatRemaining(remaining ?? 0) })}</Typography.Paragraph>
    </Modal>
  );
}
