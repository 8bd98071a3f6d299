// A notification's title and text in the interface language: known kinds are translated here, others show what the
// server stored (written in the organisation's primary language).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../api/types.ts';
import zhCN from '../i18n/zh-CN.ts';

type KnownKind = keyof typeof zhCN.notifications.kinds;

function knownKind(kind: string): KnownKind | null {
  const key = kind.replaceAll('.', '_');
  return Object.hasOwn(zhCN.notifications.kinds, key) ? (key as KnownKind) : null;
}

export function useNotificationText(): (n: Notification) => { title: string; body: string } {
  const { t } = useTranslation();
  return useCallback((n: Notification) => {
    const kind = knownKind(n.kind);
    if (!kind) return { title: n.title, body: n.body };
    return { title: t(`notifications.kinds.${kind}.title`), body: t(`notifications.kinds.${kind}.body`) };
  }, [t]);
}
