// /archive — 档案: the archive packages the reader may read, by 年度, 保管期限, status and destruction state; a package
// opens in a drawer with its files and manifest, its zip to download and a verify button; the unit's 档案员 also sets
// the 保管期限 before sealing, seals (档号), and approves the destruction of packages the retention job listed.
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESTRUCTION_REASON_MAX, RETENTION_KEYS, type Retention } from '../../../../common/archive/archive.ts';
import { archiveApi, type ArchivePackage, type ArchivePackageDetail, type ArchiveQuery } from '../../api/archive.ts';
import { errorMessage } from '../../api/errorMessage.ts';

const PAGE_SIZE = 20;

function ApproveModal({ pkg, onClose }: { pkg: ArchivePackage | null; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={pkg !== null}
      title={pkg ? t('archive.approveTitle', { title: pkg.title }) : ''}
      okText={t('archive.actions.approve')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'archive-approve-ok' }}
      onCancel={() => onClose(false)}
      destroyOnHidden
      onOk={async () => {
        const { reason } = await form.validateFields();
        setBusy(true);
        try {
          await archiveApi.approveDestruction(pkg!.id, reason);
          message.success(t('archive.approved'));
          onClose(true);
        } catch (err) {
          message.error(errorMessage(t, err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('archive.reason')}
          rules={[{ required: true, whitespace: true, message: t('archive.reasonRequired') }]}
        >
          <Input.TextArea maxLength={DESTRUCTION_REASON_MAX} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PackageDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pkg, setPkg] = useState<ArchivePackageDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    if (!id) return;
    setError(null);
    archiveApi.get(id).then(setPkg, setError);
  }, [id]);
  useEffect(() => {
    setPkg(null);
    load();
  }, [load]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      message.success(await work());
      load();
      onChanged();
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  const verify = async () => {
    setBusy(true);
    try {
      const v = await archiveApi.verify(pkg!.id);
      if (v.ok) message.success(t('archive.verifyOk', { count: v.checked }));
      else
        message.error(
          t('archive.verifyFailed', { files: v.problems.map((p) => `${p.path} (${p.problem})`).join(', ') }),
        );
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={pkg?.title ?? ''} data-testid="archive-drawer">
      {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} />}
      {pkg && (
        <Flex vertical gap="middle">
          {pkg.failure && (
            <Alert type="warning" showIcon title={t('archive.detail.failure', { message: pkg.failure })} />
          )}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('archive.columns.archiveNumber')}>
              <span data-testid="archive-number">{pkg.archiveNumber ?? t('archive.unnumbered')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.columns.status')}>
              {t(`archive.status.${pkg.status}`)}
              {pkg.destruction && <Tag color="red">{t(`archive.destruction.${pkg.destruction}`)}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.columns.unit')}>{pkg.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('archive.columns.year')}>{pkg.year}</Descriptions.Item>
            <Descriptions.Item label={t('archive.columns.retention')}>
              {pkg.manage && pkg.status !== 'sealed' ? (
                <Select
                  size="small"
                  value={pkg.retention}
                  disabled={busy}
                  options={RETENTION_KEYS.map((r) => ({ value: r, label: t(`archive.retention.${r}`) }))}
                  onChange={(r: Retention) =>
                    void act(async () => {
                      await archiveApi.setRetention(pkg.id, r);
                      return t('archive.retentionSaved');
                    })
                  }
                  data-testid="archive-retention"
                />
              ) : (
                t(`archive.retention.${pkg.retention}`)
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.detail.keepUntil')}>
              {pkg.status === 'sealed' ? (pkg.keepUntil ?? t('archive.detail.permanent')) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.columns.classification')}>
              {t(`archive.classification.c${pkg.classification}` as 'archive.classification.c0')}
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.detail.object')}>
              {t(`archive.objectType.${pkg.objectType}`)}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap>
            {pkg.manage && pkg.status === 'built' && (
              <Button
                type="primary"
                loading={busy}
                data-testid="archive-seal"
                onClick={() =>
                  void act(async () => t('archive.sealed', { number: (await archiveApi.seal(pkg.id)).archiveNumber }))
                }
              >
                {t('archive.actions.seal')}
              </Button>
            )}
            {pkg.status === 'sealed' && (
              <>
                <Button href={archiveApi.zipUrl(pkg.id)} data-testid="archive-download">
                  {t('archive.actions.download')}
                </Button>
                <Button loading={busy} onClick={() => void verify()} data-testid="archive-verify">
                  {t('archive.actions.verify')}
                </Button>
              </>
            )}
          </Space>
          <Typography.Title level={5}>{t('archive.detail.files')}</Typography.Title>
          <Table
            size="small"
            rowKey="path"
            pagination={false}
            dataSource={pkg.files}
            columns={[
              { title: t('archive.detail.path'), dataIndex: 'path' },
              { title: t('archive.detail.role'), dataIndex: 'role', width: 100 },
              { title: t('archive.detail.size'), dataIndex: 'size', width: 100 },
              {
                title: 'SHA-256',
                dataIndex: 'sha256',
                render: (h: string) => (
                  <Typography.Text code copyable={{ text: h }}>
                    {h.slice(0, 12)}…
                  </Typography.Text>
                ),
              },
            ]}
          />
          {pkg.manifest && (
            <>
              <Typography.Title level={5}>{t('archive.detail.manifest')}</Typography.Title>
              <Typography.Paragraph>
                <pre style={{ maxHeight: 240, overflow: 'auto' }}>
                  {JSON.stringify(JSON.parse(pkg.manifest), null, 2)}
                </pre>
              </Typography.Paragraph>
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}

export default function ArchivePage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<ArchiveQuery>({ page: 1, pageSize: PAGE_SIZE });
  const [data, setData] = useState<{ items: ArchivePackage[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [approving, setApproving] = useState<ArchivePackage | null>(null);
  const load = useCallback(() => {
    setError(null);
    archiveApi.list(query).then(setData, setError);
  }, [query]);
  useEffect(load, [load]);
  const filter = (patch: Partial<ArchiveQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  return (
    <Flex vertical gap="middle" data-testid="archive-page">
      <Typography.Title level={3}>{t('archive.title')}</Typography.Title>
      <Space wrap>
        <InputNumber
          placeholder={t('archive.filters.year')}
          min={1900}
          max={9999}
          onChange={(v) => filter({ year: typeof v === 'number' ? v : undefined })}
        />
        <Select
          allowClear
          placeholder={t('archive.filters.retention')}
          style={{ minWidth: 120 }}
          options={RETENTION_KEYS.map((r) => ({ value: r, label: t(`archive.retention.${r}`) }))}
          onChange={(v?: Retention) => filter({ retention: v })}
        />
        <Select
          allowClear
          placeholder={t('archive.filters.status')}
          style={{ minWidth: 120 }}
          options={(['queued', 'built', 'sealed'] as const).map((s) => ({ value: s, label: t(`archive.status.${s}`) }))}
          onChange={(v?: string) => filter({ status: v })}
        />
        <Select
          allowClear
          placeholder={t('archive.filters.destruction')}
          style={{ minWidth: 140 }}
          options={(['listed', 'approved'] as const).map((s) => ({ value: s, label: t(`archive.destruction.${s}`) }))}
          onChange={(v?: 'listed' | 'approved') => filter({ destruction: v })}
          data-testid="archive-destruction-filter"
        />
        <Input.Search
          allowClear
          placeholder={t('archive.filters.q')}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          data-testid="archive-search"
        />
      </Space>
      {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} />}
      <Table
        rowKey="id"
        loading={data === null && error === null}
        dataSource={data?.items ?? []}
        data-testid="archive-list"
        pagination={{
          current: query.page ?? 1,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showTotal: (count) => t('archive.total', { count }),
          onChange: (page) => setQuery((q) => ({ ...q, page })),
        }}
        columns={[
          {
            title: t('archive.columns.archiveNumber'),
            dataIndex: 'archiveNumber',
            render: (n: string | null) =>
              n ?? <Typography.Text type="secondary">{t('archive.unnumbered')}</Typography.Text>,
          },
          {
            title: t('archive.columns.title'),
            dataIndex: 'title',
            render: (title: string, p: ArchivePackage) => (
              <Typography.Link onClick={() => setOpen(p.id)} data-testid="archive-open">
                {title}
              </Typography.Link>
            ),
          },
          { title: t('archive.columns.unit'), render: (_: unknown, p: ArchivePackage) => p.unit.name },
          { title: t('archive.columns.year'), dataIndex: 'year', width: 80 },
          {
            title: t('archive.columns.retention'),
            dataIndex: 'retention',
            width: 100,
            render: (r: Retention) => t(`archive.retention.${r}`),
          },
          {
            title: t('archive.columns.status'),
            render: (_: unknown, p: ArchivePackage) => (
              <Space size={4}>
                <Tag color={p.status === 'sealed' ? 'green' : 'default'}>{t(`archive.status.${p.status}`)}</Tag>
                {p.destruction && <Tag color="red">{t(`archive.destruction.${p.destruction}`)}</Tag>}
                {p.sealedAt && (
                  <Typography.Text type="secondary">{dayjs(p.sealedAt).format('YYYY-MM-DD')}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, p: ArchivePackage) =>
              p.manage && p.destruction === 'listed' ? (
                <Button size="small" danger onClick={() => setApproving(p)} data-testid="archive-approve">
                  {t('archive.actions.approve')}
                </Button>
              ) : null,
          },
        ]}
      />
      <PackageDrawer id={open} onClose={() => setOpen(null)} onChanged={load} />
      <ApproveModal
        pkg={approving}
        onClose={(done) => {
          setApproving(null);
          if (done) load();
        }}
      />
    </Flex>
  );
}
