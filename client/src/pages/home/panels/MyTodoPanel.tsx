// 我的待办: the first items of the 待办 centre (overdue first), with the total and a way to the whole list; it follows
// the 待办 feed, so a new item appears without a reload.
import { Flex, List, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { todoApi } from '../../../api/todo.ts';
import { todoFeed, useTodoFeed } from '../../../realtime/todoFeed.ts';
import { TodoDueTag, TodoKindTag, TodoUrgencyTag } from '../../todo/todoLabels.tsx';
import { PanelCard } from './PanelCard.tsx';
import { usePanelData } from './usePanelData.ts';

const SHOWN = 8;

export function MyTodoPanel() {
  const { t } = useTranslation();
  const { version } = useTodoFeed();
  const { data, error, loading, reload } = usePanelData(async () => {
    const list = await todoApi.list({ pageSize: SHOWN });
    todoFeed.saw(list.counts);
    return list;
  });
  // The first load is the panel's own; each later version of the feed means the list may have changed.
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  const total = data?.counts.total;
  return (
    <PanelCard
      title={t('workbench.home.myTodo')}
      total={total}
      more="/todo"
      loading={loading && !data}
      error={error}
      testId="home-my-todo"
    >
      <List
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('workbench.home.myTodoEmpty') }}
        renderItem={(item) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
              <span>
                <TodoKindTag kind={item.kind} />
                <Link to={item.link} data-testid="home-my-todo-item">
                  {item.title}
                </Link>
              </span>
              <span>
                <TodoUrgencyTag urgency={item.urgency} />
                <TodoDueTag item={item} />
              </span>
            </Flex>
          </List.Item>
        )}
      />
      {total !== undefined && total > SHOWN && (
        <Typography.Text type="secondary">{t('workbench.home.total', { count: total })}</Typography.Text>
      )}
    </PanelCard>
  );
}
