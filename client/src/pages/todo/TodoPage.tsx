// /todo — 待办: one list of everything that waits for me (公文 steps, documents to sign for or read, meetings to answer
// or sign in to, minutes to confirm, supervision tasks), overdue first, filtered by kind with the server's counts per
// kind; and 已办, what I have done. Both follow the 待办 feed: a new item appears without a reload.
import { Alert, Card, Empty, Flex, List, Pagination, Radio, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { TODO_KINDS, type TodoKind } from '../../../../common/todo/vocabulary.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { todoApi, type DoneList, type TodoList } from '../../api/todo.ts';
import { todoFeed, useTodoFeed } from '../../realtime/todoFeed.ts';
import { doneAction, time, TodoDueTag, TodoKindTag, TodoUrgencyTag } from './todoLabels.tsx';

const PAGE_SIZE = 20;

const isKind = (v: string | null): v is TodoKind => v !== null && (TODO_KINDS as readonly string[]).includes(v);

/** Loads a page whenever its key or the feed's version moves, keeping the error to show in place. */
function useLoaded<T>(load: () => Promise<T>, key: string, version: number) {
  const [state, setState] = useState<{ data: T | null; error: unknown; key: string | null }>({
    data: null,
    error: null,
    key: null,
  });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data, error: null, key }),
      (error: unknown) => current && setState((s) => ({ ...s, error, key })),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on each render of the same request; the key says which request it is.
  }, [key, version]);
  return { ...state, loading: state.key !== key };
}

function OpenList({ kind, page, onPage }: { kind: TodoKind | null; page: number; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  const { version } = useTodoFeed();
  const { data, error, loading } = useLoaded<TodoList>(
    async () => {
      const list = await todoApi.list({ kind: kind ?? undefined, page, pageSize: PAGE_SIZE });
      if (!kind) todoFeed.saw(list.counts);
      return list;
    },
    `${kind ?? ''}:${page}`,
    version,
  );
  if (error) return <Alert type="error" showIcon message={t('todo.loadFailed', { message: errorMessage(t, error) })} />;
  const counts = data?.counts;
  const total = counts ? (kind ? counts[kind] : counts.total) : 0;
  return (
    <List
      loading={loading && !data}
      dataSource={data?.items ?? []}
      data-testid="todo-list"
      locale={{ emptyText: <Empty description={kind ? t('todo.emptyKind') : t('todo.empty')} /> }}
      renderItem={(item) => (
        <List.Item data-testid="todo-item" data-kind={item.kind} data-id={item.id}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <span>
                <TodoKindTag kind={item.kind} />
                <Link to={item.link} data-testid="todo-link">
                  {item.title}
                </Link>
              </span>
              <span>
                <TodoUrgencyTag urgency={item.urgency} />
                <TodoDueTag item={item} />
              </span>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('todo.since', { time: time(item.since) })}
              {!item.dueAt && ` · ${t('todo.noDue')}`}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
      footer={
        total > PAGE_SIZE && (
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={total}
            onChange={onPage}
            showSizeChanger={false}
            showTotal={(n) => t('todo.total', { count: n })}
          />
        )
      }
    />
  );
}

function DoneHistory({ page, onPage }: { page: number; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  const { version } = useTodoFeed();
  const { data, error, loading } = useLoaded<DoneList>(
    () => todoApi.done({ page, pageSize: PAGE_SIZE }),
    String(page),
    version,
  );
  if (error) return <Alert type="error" showIcon message={t('todo.loadFailed', { message: errorMessage(t, error) })} />;
  return (
    <List
      loading={loading && !data}
      dataSource={data?.items ?? []}
      data-testid="done-list"
      locale={{ emptyText: <Empty description={t('todo.doneEmpty')} /> }}
      renderItem={(item) => (
        <List.Item data-testid="done-item" data-kind={item.kind}>
          <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
            <span>
              <Tag>{t(`todo.doneKinds.${item.kind}`)}</Tag>
              <Link to={item.link}>{item.title}</Link>
            </span>
            <Typography.Text type="secondary">
              {doneAction(t, item)} · {time(item.at)}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
      footer={
        data &&
        data.total > PAGE_SIZE && (
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onChange={onPage}
            showSizeChanger={false}
            showTotal={(n) => t('todo.total', { count: n })}
          />
        )
      }
    />
  );
}

export default function TodoPage() {
  const { t } = useTranslation();
  const { counts } = useTodoFeed();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'done' ? 'done' : 'open';
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const go = (next: { tab?: string; kind?: TodoKind | null; page?: number }) => {
    const q = new URLSearchParams();
    const nextTab = next.tab ?? tab;
    if (nextTab === 'done') q.set('tab', 'done');
    const nextKind = next.kind === undefined ? kind : next.kind;
    if (nextTab === 'open' && nextKind) q.set('kind', nextKind);
    if (next.page && next.page > 1) q.set('page', String(next.page));
    setParams(q);
  };
  // Kinds with nothing waiting stay out of the way, unless chosen.
  const shownKinds = TODO_KINDS.filter((k) => k === kind || (counts?.[k] ?? 0) > 0);

  return (
    <div className="tb-page">
      <Typography.Title level={3} className="tb-page-title">
        {t('todo.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('todo.hint')}</Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => go({ tab: key, kind: null, page: 1 })}
          items={[
            {
              key: 'open',
              label: (
                <span data-testid="todo-tab-open">
                  {counts ? t('todo.tabs.openCount', { count: counts.total }) : t('todo.tabs.open')}
                </span>
              ),
              children: (
                <Flex vertical gap={12}>
                  <Radio.Group
                    value={kind ?? 'all'}
                    optionType="button"
                    onChange={(e) =>
                      go({ kind: e.target.value === 'all' ? null : (e.target.value as TodoKind), page: 1 })
                    }
                    data-testid="todo-kinds"
                    options={[
                      { value: 'all', label: `${t('todo.allKinds')} ${counts?.total ?? ''}`.trim() },
                      ...shownKinds.map((k) => ({
                        value: k,
                        label: `${t(`todo.kinds.${k}`)} ${counts?.[k] ?? ''}`.trim(),
                      })),
                    ]}
                  />
                  {tab === 'open' && <OpenList kind={kind} page={page} onPage={(p) => go({ page: p })} />}
                </Flex>
              ),
            },
            {
              key: 'done',
              label: <span data-testid="todo-tab-done">{t('todo.tabs.done')}</span>,
              children: tab === 'done' && <DoneHistory page={page} onPage={(p) => go({ page: p })} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
