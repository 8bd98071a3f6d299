// Tells the person what the server did with their connection: a refused change (and that the document was reloaded
// without it) or a changed access level.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentSession } from './useDocumentSession.ts';

export function SessionNotices({ session }: { session: DocumentSession }) {
  const { t } = useTranslation();
  const { notice, dismissNotice } = session;
  if (!notice) return null;
  if (notice.kind === 'access_changed') {
    return (
      <Alert
        type="info"
        showIcon
        closable={{ onClose: dismissNotice }}
        title={t('documents.editor.notices.accessChanged', { access: t(`documents.access.${notice.access}`) })}
        data-testid="notice-access"
      />
    );
  }
  const { reason } = notice;
  const why =
    reason.kind === 'refused'
      ? t(`documents.editor.notices.refused.${reason.rule}`, { detail: reason.detail })
      : t('documents.editor.notices.rejectedUpdate', { detail: reason.detail });
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose: dismissNotice }}
      title={t('documents.editor.notices.refusedTitle')}
      description={`${why} ${t('documents.editor.notices.reloaded')}`}
      data-testid="notice-refused"
    />
  );
}
