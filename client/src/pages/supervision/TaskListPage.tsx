// A list of supervision tasks: mine, my unit's, or the supervision desk (everything the person may see), with
// filters (status, unit, basis, due range, overdue), search, paging and an XLSX export of the same selection.
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Progress,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  BASIS_TYPES,
  supervisionApi,
  TASK_STATUSES,
  type BasisType,
  type TaskList,
  type TaskQuery,
  type TaskStatus,
  type TaskSummary,
} from '../../api/supervision.ts';
import { unitTree } from '../../components/unitTree.ts';
import { useUnits } from '../../components/useUnits.ts';
import { realtime } from '../../realtime/connection.ts';
import { useSupervision } from './supervisionContext.ts';
import { OverdueTag, StatusTag, supervisionError } from './supervisionLabels.tsx';

const PAGE_SIZE = 20;

export default function TaskListPage({ scope }: { scope: 'mine' | 'unit' | 'desk' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { units } = useUnits();
  const { version } = useSupervision();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TaskStatus[]>([]);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [basisType, setBasisType] = useState<BasisType | undefined>();
  const [due, setDue] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [overdue, setOverdue] = useState(false);
  const overdueId = useId();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<TaskList | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  const query: TaskQuery = useMemo(
    () => ({
      scope,
      q: q.trim() || undefined,
      status: status.length ? status : undefined,
      unitId,
      basisType,
      dueFrom: due?.[0]?.format('YYYY-MM-DD'),
      dueTo: due?.[1]?.format('YYYY-MM-DD'),
      overdue: overdue ? 'true' : undefined,
      page,
      pageSize: PAGE_SIZE,
    }),
    [scope, q, status, unitId, basisType, due, overdue, page],
  );

  const load = useCallback(
    async (signal: AbortSignal) => {
      setLoading(true);
      try {
        const result = await supervisionApi.list(query);
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
    [query],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, version, tick]);

  // A supervision notification (new task, warning, decision) means the list may have changed.
  useEffect(
    () =>
      realtime.on('notification:new', (n) => {
        if (n.kind.startsWith('supervision.')) setTick((x) => x + 1);
      }),
    [],
  );

  const filtered = Boolean(q.trim() || status.length || unitId || basisType || due || overdue);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Flex vertical gap={16}>
      <Card styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <Input.Search
            allowClear
            enterButton
            size="large"
            placeholder={t('supervision.searchPlaceholder')}
            aria-label={t('supervision.searchPlaceholder')}
            style={{ flex: '2 1 260px' }}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          <Select
            mode="multiple"
            allowClear
            size="large"
            placeholder={t('supervision.filters.allStatuses')}
            aria-label={t('supervision.filters.status')}
            style={{ flex: '1 1 200px' }}
            value={status}
            onChange={reset(setStatus)}
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(`supervision.status.${s}`) }))}
          />
          <TreeSelect
            allowClear
            showSearch
            treeDefaultExpandAll
            size="large"
            placeholder={t('supervision.filters.unit')}
            aria-label={t('supervision.filters.unit')}
            style={{ flex: '1 1 200px' }}
            treeData={unitTree(units)}
            treeNodeFilterProp="title"
            value={unitId}
            onChange={reset(setUnitId)}
          />
          <Select
            allowClear
            size="large"
            placeholder={t('supervision.filters.basis')}
            aria-label={t('supervision.filters.basis')}
            style={{ flex: '1 1 140px' }}
            value={basisType}
            onChange={reset(setBasisType)}
            options={BASIS_TYPES.map((b) => ({ value: b, label: t(`supervision.basis.${b}`) }))}
          />
          <DatePicker.RangePicker
            size="large"
            aria-label={t('supervision.filters.due')}
            value={due}
            onChange={(v) => {
              setDue(v);
              setPage(1);
            }}
          />
          {/* The words are the switch's label: clicking them toggles it, and they are its accessible name. */}
          <Space>
            <Switch id={overdueId} checked={overdue} onChange={reset(setOverdue)} data-testid="overdue-only" />
            <label htmlFor={overdueId} className="tb-switch-label">
              {t('supervision.filters.overdueOnly')}
            </label>
          </Space>
          <Button size="large" icon={<DownloadOutlined />} href={supervisionApi.listExportUrl(query)}>
            {t('supervision.exportXlsx')}
          </Button>
        </Flex>
      </Card>
      {error !== null && (
        <Alert type="error" showIcon title={t('supervision.loadFailed', { message: supervisionError(t, error) })} />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<TaskSummary>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({
            onClick: () => navigate(`/supervision/tasks/${r.id}`),
            style: { cursor: 'pointer', ...(r.overdue ? { background: '#fff1f0' } : {}) },
          })}
          locale={{ emptyText: filtered ? t('supervision.emptyFiltered') : t('supervision.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('supervision.total', { count: total }),
            onChange: setPage,
          }}
          columns={[
            {
              key: 'code',
              title: t('supervision.columns.code'),
              render: (_, r) => <Typography.Text type="secondary">{r.code}</Typography.Text>,
            },
            {
              key: 'title',
              title: t('supervision.columns.title'),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/supervision/tasks/${r.id}`} onClick={(e) => e.stopPropagation()} style={{ fontSize: 16 }}>
                    {r.title}
                  </Link>
                  <Space size={4} wrap>
                    <Tag>{t(`supervision.basis.${r.basisType as BasisType}`)}</Tag>
                    {r.priority !== 'normal' && (
                      <Tag color="volcano">{t(`supervision.priority.${r.priority as 'urgent' | 'critical'}`)}</Tag>
                    )}
                    {r.returnCount > 0 && r.status !== 'completed' && (
                      <Tag color="orange">{t('supervision.returnedTag')}</Tag>
                    )}
                  </Space>
                </Space>
              ),
            },
            {
              key: 'status',
              title: t('supervision.columns.status'),
              render: (_, r) => (
                <Space size={4}>
                  <StatusTag status={r.status} />
                  <OverdueTag overdue={r.overdue} days={r.overdueDays} />
                </Space>
              ),
            },
            { key: 'lead', title: t('supervision.columns.leadUnit'), render: (_, r) => r.leadUnitName },
            { key: 'owner', title: t('supervision.columns.owner'), render: (_, r) => r.ownerName ?? '—' },
            {
              key: 'deadline',
              title: t('supervision.columns.deadline'),
              render: (_, r) => (
                <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
                  {r.deadlineDate}
                </Typography.Text>
              ),
            },
            {
              key: 'progress',
              title: t('supervision.columns.progress'),
              render: (_, r) => (
                <Progress
                  percent={r.progress}
                  size="small"
                  style={{ width: 120 }}
                  status={r.overdue ? 'exception' : undefined}
                />
              ),
            },
            { key: 'supervisor', title: t('supervision.columns.supervisor'), render: (_, r) => r.supervisorName },
          ]}
        />
      </Card>
    </Flex>
  );
}
