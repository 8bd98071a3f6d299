// 管理 › 审计日志 (audit administrator only): search the append-only log by person, action, outcome and time, and
// re-compute its hash chain to prove nothing was altered.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi, type AuditQuery } from '../../../api/audit.ts';
import { errorMessage } from '../../../api/errorMessage.ts';
import type { AuditEvent, ChainVerdict } from '../../../api/types.ts';
import { auditActionLabel } from '../../../components/labels.ts';
import { AuditFilters } from './AuditFilters.tsx';

const PAGE_SIZE = 20;

export default function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: PAGE_SIZE });
  const [data, setData] = useState<{ items: AuditEvent[]; total: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await auditApi.search(query));
      setError(null);
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setLoading(false);
    }
  }, [query, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const verify = async () => {
    setVerifying(true);
    try {
      setVerdict(await auditApi.verify());
      // The verification is itself audited: show that event too.
      await load();
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.columns.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    {
      title: t('audit.columns.at'),
      dataIndex: 'at',
      key: 'at',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('audit.columns.actor'), dataIndex: 'actorName', key: 'actor' },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      key: 'action',
      render: (v: string) => (
        <Flex vertical>
          <span>{auditActionLabel(t, v)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('audit.columns.resource'),
      key: 'resource',
      responsive: ['lg'],
      render: (_v, e) => `${e.resourceType}${e.resourceId ? ` · ${e.resourceId.slice(0, 12)}` : ''}`,
    },
    {
      title: t('audit.columns.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      render: (v: string) => (
        <Tag color={v === 'success' ? 'green' : 'red'}>
          {v === 'success' ? t('audit.outcome.success') : t('audit.outcome.failure')}
        </Tag>
      ),
    },
    { title: t('audit.columns.ip'), dataIndex: 'ip', key: 'ip', responsive: ['md'] },
  ];

  return (
    <Flex vertical gap={16}>
      <AuditFilters onSearch={(filters) => setQuery({ ...filters, page: 1, pageSize: PAGE_SIZE })} />
      <Card styles={{ body: { padding: 16 } }}>
        <Flex align="center" gap={12} wrap>
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => void verify()}
            loading={verifying}
            size="large"
            data-testid="verify-chain"
          >
            {verifying ? t('audit.verifying') : t('audit.verify')}
          </Button>
          {verdict && (
            <Alert
              style={{ flex: '1 1 320px' }}
              showIcon
              type={verdict.ok ? 'success' : 'error'}
              data-testid="chain-verdict"
              title={
                verdict.ok
                  ? t('audit.verdictOk', { count: verdict.events })
                  : t('audit.verdictBroken', {
                      seq: verdict.brokenAt?.seq ?? '?',
                      id: verdict.brokenAt?.id ?? '—',
                      reason: verdict.brokenAt?.reason ?? '',
                    })
              }
            />
          )}
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon title={t('common.loadFailed', { message: error })} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEvent>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'id', label: t('audit.detail.id'), children: <code>{e.id}</code> },
                  { key: 'device', label: t('audit.detail.device'), children: e.userAgent || '—' },
                  {
                    key: 'detail',
                    label: t('audit.detail.detail'),
                    children: (
                      <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.detail, null, 2)}</pre>
                    ),
                  },
                  {
                    key: 'hash',
                    label: t('audit.detail.hash'),
                    children: <code style={{ wordBreak: 'break-all' }}>{e.hash}</code>,
                  },
                ]}
              />
            ),
          }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('audit.total', { count: total }),
            onChange: (page) => setQuery((prev) => ({ ...prev, page })),
          }}
        />
      </Card>
    </Flex>
  );
}
