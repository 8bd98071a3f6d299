// /documents/:id — opens a document for co-editing, or says plainly why it cannot be opened.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.ts';
import { RICH_TEXT_KINDS } from '../../../../../common/schema/documentKinds.ts';
import { errorMessage } from '../../../api/errorMessage.ts';
import { PageLoading } from '../../../components/PageLoading.tsx';
import { useActiveSession } from '../../../session/sessionContext.ts';
import { DocumentWorkspace } from './DocumentWorkspace.tsx';
import { useDocumentSession } from './useDocumentSession.ts';

function OpenDocument({ id }: { id: string }) {
  const { user } = useActiveSession();
  const session = useDocumentSession(id, user.id);
  const { t } = useTranslation();
  const { state } = session;

  if (state.phase === 'loading') return <PageLoading />;
  if (state.phase === 'failed') {
    const noAccess = state.error instanceof ApiError && (state.error.status === 403 || state.error.status === 404);
    return (
      <Result
        status={noAccess ? '403' : 'error'}
        title={t('documents.editor.noAccessTitle')}
        subTitle={
          noAccess
            ? t('documents.editor.noAccess')
            : t('documents.editor.loadFailed', { message: errorMessage(t, state.error) })
        }
        extra={
          <Link to="/documents">
            <Button type="primary">{t('documents.editor.back')}</Button>
          </Link>
        }
        data-testid="document-unavailable"
      />
    );
  }
  if (!RICH_TEXT_KINDS.includes(state.info.kind)) {
    // Meeting materials and whiteboards are annotated in the meeting room, not edited as text.
    return (
      <Result
        status="info"
        title={state.info.title}
        subTitle={t('documents.editor.notText')}
        extra={
          <Link to="/documents">
            <Button type="primary">{t('documents.editor.back')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <DocumentWorkspace
      key={state.generation}
      session={session}
      info={state.info}
      connection={state.connection}
      user={user}
    />
  );
}

export default function DocumentEditorPage() {
  const { id = '' } = useParams();
  // Another document (a notification's link) is another session: nothing of the previous one carries over.
  return <OpenDocument key={id} id={id} />;
}
