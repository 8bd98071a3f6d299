// /official-docs — 办文: 待办 (waiting for me), 在办 (handled by me, still on its way), 已办 and 我起草的, each tab with
// the count the list API answers for it; urgency, 文种, status and 发文字号 on every row. A list of cards, so that it
// reads on a phone as on a desktop.
import { ApartmentOutlined, NumberOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, List, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/errorMessage.ts';
import {
  LIST_SCOPES,
  officialDocsApi,
  TAB_QUERIES,
  type ListTab,
  type OfficialDocList,
} from '../../api/officialDocs.ts';
import { clearanceLabel } from '../../components/labels.ts';
import { CreateOfficialDocModal } from './CreateOfficialDocModal.tsx';
import { DueTag, kindName, StatusTag, UrgencyTag } from './officialDocLabels.tsx';
import './officialDocs.css';

const PAGE_SIZE = 20;
const isTab = (v: string | null): v is ListTab => v !== null && (LIST_SCOPES as readonly string[]).includes(v);

export default function OfficialDocsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: ListTab = isTab(tabParam) ? tabParam : 'todo';
  const [page, setPage] = useState(1);
  const [data, setData] = useState<OfficialDocList | null>(null);
  const [counts, setCounts] = useState<Partial<Record<ListTab, number>>>({});
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [tick, setTick] = useState(0);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [list, ...totals] = await Promise.all([
        officialDocsApi.list({ ...TAB_QUERIES[tab], page, pageSize: PAGE_SIZE }),
        // Each count is the total of the same query its tab lists: never more than the list shows.
        ...LIST_SCOPES.map((s) => officialDocsApi.list({ ...TAB_QUERIES[s], page: 1, pageSize: 1 })),
      ]);
      setData(list);
      setCounts(Object.fromEntries(LIST_SCOPES.map((s, i) => [s, s === tab ? list.total : totals[i]!.total])));
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [tab, page]);

  useEffect(() => {
    void load();
  }, [load, tick]);

  return (
    <div className="tb-od-list">
      <Flex align="center" justify="space-between" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('officialDocs.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('officialDocs.subtitle')}</Typography.Text>
        </div>
        <Space>
          <Button
            icon={<ReloadOutlined />}
            size="large"
            onClick={() => setTick((n) => n + 1)}
            aria-label={t('officialDocs.refresh')}
          />
          <Button
            size="large"
            icon={<ApartmentOutlined />}
            onClick={() => navigate('/official-documents/route-templates')}
          >
            {t('routeTemplates.entry')}
          </Button>
          <Button size="large" icon={<NumberOutlined />} onClick={() => navigate('/official-documents/register')}>
            {t('issuing.register.entry')}
          </Button>
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('officialDocs.newDoc')}
          </Button>
        </Space>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setPage(1);
          setParams(key === 'todo' ? {} : { tab: key }, { replace: true });
        }}
        items={LIST_SCOPES.map((s) => ({
          key: s,
          label: (
            <span data-testid={`od-tab-${s}`}>
              {t(`officialDocs.tabs.${s}`)}{' '}
              <Badge
                count={counts[s] ?? 0}
                showZero
                overflowCount={999}
                color={s === 'todo' && (counts[s] ?? 0) > 0 ? '#cf1322' : '#8c8c8c'}
                data-testid={`od-count-${s}`}
              />
            </span>
          ),
        }))}
      />
      {error !== null && (
        <Alert type="error" showIcon title={t('officialDocs.loadFailed', { message: errorMessage(t, error) })} />
      )}
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t(`officialDocs.empty.${tab}`) }}
        pagination={
          data && data.total > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false }
            : false
        }
        renderItem={(item) => (
          <List.Item className="tb-od-row" data-testid="official-doc-row">
            <Card
              size="small"
              className="tb-od-card"
              hoverable
              onClick={() => navigate(`/official-documents/${encodeURIComponent(item.id)}`)}
            >
              <Flex vertical gap={6}>
                <Link
                  to={`/official-documents/${encodeURIComponent(item.id)}`}
                  className="tb-od-card__title"
                  onClick={(e) => e.stopPropagation()}
                >
                  {item.title}
                </Link>
                <Flex gap={4} wrap align="center">
                  <UrgencyTag urgency={item.urgency} />
                  <Tag>{kindName(item.kind)}</Tag>
                  <StatusTag status={item.status} />
                  <DueTag dueOn={item.dueOn} />
                  {item.classification !== 'public' && item.classification !== 'internal' && (
                    <Tag color="volcano">{clearanceLabel(t, item.classification)}</Tag>
                  )}
                  {item.number && (
                    <Typography.Text strong data-testid="official-doc-number">
                      {item.number}
                    </Typography.Text>
                  )}
                </Flex>
                <Typography.Text type="secondary">
                  {t('officialDocs.drafterUpdated', {
                    drafter: item.drafter,
                    time: dayjs(item.updatedAt).format('YYYY-MM-DD HH:mm'),
                  })}
                </Typography.Text>
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      <CreateOfficialDocModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/official-documents/${encodeURIComponent(id)}`)}
      />
    </div>
  );
}
