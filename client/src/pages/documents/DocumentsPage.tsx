// 文档: the documents the person can open — search by title, filter by kind, status and scope (mine, shared with
// me, my unit, recently opened) — and a way to start a new one.
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  DOCUMENT_KINDS,
  DOCUMENT_SCOPES,
  DOCUMENT_STATUSES,
  documentsApi,
  type DocumentInfo,
  type DocumentQuery,
  type DocumentScope,
} from '../../api/documents.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { clearanceLabel } from '../../components/labels.ts';
import { useActiveSession } from '../../session/sessionContext.ts';
import { CreateDocumentModal } from './CreateDocumentModal.tsx';
import { AccessTag, kindLabel, statusLabel } from './documentLabels.tsx';

const PAGE_SIZE = 20;

export default function DocumentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useActiveSession();
  const [scope, setScope] = useState<DocumentScope>('all');
  const [kind, setKind] = useState<DocumentQuery['kind']>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: DocumentInfo[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(
    async (signal: AbortSignal) => {
      setLoading(true);
      try {
        const result = await documentsApi.list({
          scope,
          kind,
          status,
          q: q.trim() || undefined,
          page,
          pageSize: PAGE_SIZE,
        });
        if (!signal.aborted) {
          setData(result);
          setError(null);
        }
      } catch (err) {
        if (!signal.aborted) setError(err);
      } finally {
        if (!signal.aborted) setLoading(false);
      }
    },
    [scope, kind, status, q, page],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const filtered = Boolean(q.trim() || kind || status || scope !== 'all');
  return (
    <div className="tb-page">
      <Flex align="center" justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('documents.title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('documents.create')}
        </Button>
      </Flex>
      <Card>
        <Flex vertical gap={12}>
          <Segmented<DocumentScope>
            value={scope}
            onChange={(v) => {
              setScope(v);
              setPage(1);
            }}
            options={DOCUMENT_SCOPES.map((s) => ({ value: s, label: t(`documents.scopes.${s}`) }))}
            className="tb-scope-filter"
            data-testid="scope-filter"
          />
          <Flex gap={8} wrap>
            <Input.Search
              allowClear
              placeholder={t('documents.searchPlaceholder')}
              aria-label={t('documents.searchPlaceholder')}
              onSearch={(v) => {
                setQ(v);
                setPage(1);
              }}
              style={{ flex: '1 1 260px', maxWidth: 420 }}
            />
            <Select
              allowClear
              value={kind}
              placeholder={t('documents.allKinds')}
              aria-label={t('documents.columns.kind')}
              onChange={(v) => {
                setKind(v);
                setPage(1);
              }}
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
              style={{ width: 150 }}
            />
            <Select
              allowClear
              value={status}
              placeholder={t('documents.allStatuses')}
              aria-label={t('documents.columns.status')}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={DOCUMENT_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
              style={{ width: 150 }}
            />
          </Flex>
          {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} />}
          <Table<DocumentInfo>
            rowKey="id"
            loading={loading}
            dataSource={data.items}
            locale={{ emptyText: filtered ? t('documents.emptyFiltered') : t('documents.empty') }}
            onRow={(doc) => ({ onClick: () => navigate(`/documents/${doc.id}`), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data.total,
              onChange: setPage,
              showSizeChanger: false,
              showTotal: (count) => t('documents.total', { count }),
            }}
            columns={[
              {
                title: t('documents.columns.title'),
                key: 'title',
                render: (_, doc) => (
                  <Flex gap={8} align="center">
                    <FileTextOutlined style={{ color: '#1f4fa8' }} />
                    <Link to={`/documents/${doc.id}`} onClick={(e) => e.stopPropagation()} data-testid="document-link">
                      {doc.title}
                    </Link>
                    {doc.reviewMode && <Tag color="purple">{t('documents.editor.reviewMode')}</Tag>}
                  </Flex>
                ),
              },
              {
                title: t('documents.columns.kind'),
                key: 'kind',
                width: 110,
                responsive: ['md'],
                render: (_, doc) => kindLabel(t, doc.kind),
              },
              {
                title: t('documents.columns.status'),
                key: 'status',
                width: 96,
                responsive: ['lg'],
                render: (_, doc) => statusLabel(t, doc.status),
              },
              {
                title: t('documents.columns.classification'),
                key: 'classification',
                width: 80,
                responsive: ['lg'],
                render: (_, doc) => clearanceLabel(t, doc.classification),
              },
              {
                title: t('documents.columns.owner'),
                key: 'owner',
                width: 160,
                responsive: ['md'],
                render: (_, doc) => (
                  <Flex vertical>
                    <Typography.Text>{doc.ownerName}</Typography.Text>
                    <Typography.Text type="secondary" ellipsis={{ tooltip: doc.unitName }} style={{ fontSize: 13 }}>
                      {doc.unitName}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('documents.columns.access'),
                key: 'access',
                width: 140,
                render: (_, doc) => <AccessTag access={doc.access} />,
              },
              {
                title: t('documents.columns.updatedAt'),
                key: 'updatedAt',
                width: 150,
                responsive: ['sm'],
                render: (_, doc) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {dayjs(doc.updatedAt).format(
                      dayjs(doc.updatedAt).isSame(dayjs(), 'year') ? 'MM-DD HH:mm' : 'YYYY-MM-DD',
                    )}
                  </span>
                ),
              },
            ]}
          />
        </Flex>
      </Card>
      <CreateDocumentModal
        open={creating}
        clearance={user.clearance}
        onClose={() => setCreating(false)}
        onCreated={(doc) => {
          setCreating(false);
          navigate(`/documents/${doc.id}`);
        }}
      />
    </div>
  );
}
