// A notification's title and text in the interface language: kinds of the catalogue are rendered from their
// parameters with i18n (and change language with the interface); older rows show the text the server sent.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isNotificationKind,
  type NotificationKind,
  type NotificationParams,
} from '../../../common/notifications/catalogue.ts';
import { formatParams } from '../../../common/notifications/format.ts';
import type { Notification } from '../api/types.ts';

export function useNotificationText(): (n: Notification) => { title: string; body: string } {
  const { t } = useTranslation();
  return useCallback(
    (n: Notification) => {
      if (!n.params || !isNotificationKind(n.kind)) return { title: n.title, body: n.body };
      const kind: NotificationKind = n.kind;
      // The server only returns params it has checked against the catalogue for this kind (server/notices).
      // Values go in `replace`: an open record of them would read to i18next as options (returnObjects, count, …).
      const values = formatParams(kind, n.params as NotificationParams<NotificationKind>, (key, vars) =>
        t(`notifications.parts.${key}`, { replace: vars ?? {} }),
      );
      return {
        title: t(`notifications.kinds.${kind}.title`, { replace: values }),
        body: t(`notifications.kinds.${kind}.body`, { replace: values }),
      };
    },
    [t],
  );
}
