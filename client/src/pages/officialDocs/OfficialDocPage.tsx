// /official-docs/:id — one 公文: its 正文 in the collaborative editor (the drafter edits a draft, the current step's
// handlers suggest in review mode, everyone else reads: the server gives each their access) and the 办文 panel beside
// it on wide screens, below it on phones and portrait tablets. A handler who opens it marks the step opened (after
// which the sender can no longer withdraw).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/errorMessage.ts';
import { ApiError } from '../../api/http.ts';
import { officialDocsApi, type OfficialDoc } from '../../api/officialDocs.ts';
import { clearanceLabel } from '../../components/labels.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useActiveSession } from '../../session/sessionContext.ts';
import { DocumentWorkspace } from '../documents/editor/DocumentWorkspace.tsx';
import { useDocumentSession } from '../documents/editor/useDocumentSession.ts';
import { kindName, StatusTag, UrgencyTag } from './officialDocLabels.tsx';
import { OfficialDocPanel } from './OfficialDocPanel.tsx';
import './officialDocs.css';

function Header({ doc }: { doc: OfficialDoc }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={4} className="tb-od-head">
      <Flex align="center" gap={8}>
        <Button
          type="text"
          size="large"
          icon={<ArrowLeftOutlined />}
          aria-label={t('officialDocs.page.back')}
          onClick={() => navigate('/official-documents')}
        />
        <Typography.Title level={4} className="tb-od-head__title" data-testid="official-doc-title">
          {doc.title}
        </Typography.Title>
      </Flex>
      <Flex gap={4} wrap align="center">
        <UrgencyTag urgency={doc.urgency} />
        <Tag>{kindName(doc.kind)}</Tag>
        <StatusTag status={doc.status} />
        <Tag color={doc.classification === 'public' ? 'default' : 'volcano'}>
          {clearanceLabel(t, doc.classification)}
        </Tag>
        {doc.number && (
          <Typography.Text strong data-testid="official-doc-number">
            {doc.number.text}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

function Workspace({ doc, onChanged }: { doc: OfficialDoc; onChanged: (doc: OfficialDoc) => Promise<void> }) {
  const { t } = useTranslation();
  const { user } = useActiveSession();
  const session = useDocumentSession(doc.documentId, user.id);
  const { state } = session;
  const handling = doc.myRoles.includes('handler') || doc.myRoles.includes('signer');
  const readOnly = doc.status !== 'draft' && !handling;
  const hint =
    doc.status === 'draft'
      ? null
      : doc.status !== 'in_route'
        ? t('officialDocs.page.frozenHint')
        : handling
          ? t('officialDocs.page.suggestHint')
          : doc.myRoles.includes('drafter')
            ? t('officialDocs.page.readOnlyHint')
            : null;

  const refreshInfo = session.refreshInfo;
  const changed = useCallback(
    async (next: OfficialDoc) => {
      await onChanged(next);
      // The route moved: the server changed who may do what to the 正文.
      await refreshInfo();
    },
    [onChanged, refreshInfo],
  );

  if (state.phase === 'loading') return <PageLoading />;
  if (state.phase === 'failed')
    return (
      <Result
        status="error"
        title={t('officialDocs.page.unavailable')}
        subTitle={errorMessage(t, state.error)}
        extra={
          <Link to="/official-documents">
            <Button type="primary">{t('officialDocs.page.back')}</Button>
          </Link>
        }
      />
    );
  const connection = state.connection;
  return (
    <DocumentWorkspace
      key={state.generation}
      session={session}
      info={state.info}
      connection={connection}
      user={user}
      embedding={{
        header: <Header doc={doc} />,
        readOnly,
        hint,
        aside: (editor) => (
          <OfficialDocPanel doc={doc} editor={editor} onChanged={changed} beforeAct={() => connection.acknowledged()} />
        ),
      }}
    />
  );
}

export default function OfficialDocPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [doc, setDoc] = useState<OfficialDoc | null>(null);
  const [error, setError] = useState<unknown>(null);
  const opened = useRef(false);

  useEffect(() => {
    let cancelled = false;
    opened.current = false;
    officialDocsApi.get(id).then(
      async (d) => {
        // A handler opening the document marks their step opened: the sender can no longer withdraw it.
        const next =
          d.actions.includes('open') && !opened.current ? await officialDocsApi.step(id, { action: 'open' }) : d;
        opened.current = true;
        if (!cancelled) setDoc(next);
      },
      (err: unknown) => {
        if (!cancelled) setError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id]);

  const onChanged = useCallback(async (next: OfficialDoc) => setDoc(next), []);

  if (error !== null) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={t('officialDocs.page.unavailable')}
        subTitle={missing ? undefined : errorMessage(t, error)}
        extra={
          <Link to="/official-documents">
            <Button type="primary">{t('officialDocs.page.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!doc) return <PageLoading />;
  return <Workspace key={doc.documentId} doc={doc} onChanged={onChanged} />;
}
