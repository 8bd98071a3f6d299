// 看板: the tasks the person can see in columns by status (待签收, 办理中 with 延期待批, 待验收, 已办结); overdue cards are
// red. Each column shows the soonest deadlines first.
import { Alert, Card, Col, Empty, Flex, Progress, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { supervisionApi, type TaskList, type TaskStatus } from '../../api/supervision.ts';
import { realtime } from '../../realtime/connection.ts';
import { useSupervision } from './supervisionContext.ts';
import { OverdueTag, StatusTag, supervisionError } from './supervisionLabels.tsx';

const COLUMNS: Array<{ key: TaskStatus; statuses: TaskStatus[] }> = [
  { key: 'pending_sign', statuses: ['pending_sign'] },
  { key: 'in_progress', statuses: ['in_progress', 'extension_requested'] },
  { key: 'pending_acceptance', statuses: ['pending_acceptance'] },
  { key: 'completed', statuses: ['completed'] },
];
const PER_COLUMN = 30;

export default function TaskBoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { version } = useSupervision();
  const [columns, setColumns] = useState<Record<string, TaskList> | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const lists = await Promise.all(
        COLUMNS.map((c) => supervisionApi.list({ scope: 'desk', status: c.statuses, pageSize: PER_COLUMN })),
      );
      setColumns(Object.fromEntries(COLUMNS.map((c, i) => [c.key, lists[i]!])));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, version]);
  useEffect(
    () =>
      realtime.on('notification:new', (n) => {
        if (n.kind.startsWith('supervision.')) void load();
      }),
    [load],
  );

  if (error !== null)
    return <Alert type="error" showIcon title={t('supervision.loadFailed', { message: supervisionError(t, error) })} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('supervision.board.hint')}</Typography.Text>
      <Row gutter={[12, 12]} wrap>
        {COLUMNS.map((c) => {
          const list = columns?.[c.key];
          return (
            <Col key={c.key} xs={24} sm={12} xl={6}>
              <Card
                size="small"
                title={
                  <Space>
                    <StatusTag status={c.key} />
                    <Typography.Text type="secondary">{list?.total ?? ''}</Typography.Text>
                  </Space>
                }
                styles={{ body: { background: '#f5f7fa', minHeight: 200 } }}
                data-testid={`board-${c.key}`}
              >
                <Flex vertical gap={8}>
                  {list && list.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
                  {list?.items.map((task) => (
                    <Card
                      key={task.id}
                      size="small"
                      hoverable
                      onClick={() => navigate(`/supervision/tasks/${task.id}`)}
                      style={task.overdue ? { borderColor: '#ff4d4f', background: '#fff1f0' } : undefined}
                    >
                      <Flex vertical gap={4}>
                        <Typography.Text strong>{task.title}</Typography.Text>
                        <Space size={4} wrap>
                          {task.status === 'extension_requested' && <StatusTag status={task.status} />}
                          <OverdueTag overdue={task.overdue} days={task.overdueDays} />
                          <Typography.Text type="secondary">
                            {task.leadUnitName} · {task.deadlineDate}
                          </Typography.Text>
                        </Space>
                        <Progress
                          percent={task.progress}
                          size="small"
                          status={task.overdue ? 'exception' : undefined}
                        />
                      </Flex>
                    </Card>
                  ))}
                  {list && list.total > list.items.length && (
                    <Typography.Text type="secondary">
                      {t('supervision.board.more', { count: list.total - list.items.length })}
                    </Typography.Text>
                  )}
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
    </Flex>
  );
}
