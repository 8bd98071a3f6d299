// 领导视图: one screen of what needs a leader's attention — overdue and at-risk tasks, by unit, worst first.
import { Alert, Badge, Card, Col, Empty, Flex, List, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { supervisionApi, type Dashboard, type TaskSummary } from '../../api/supervision.ts';
import { realtime } from '../../realtime/connection.ts';
import { Chart } from './charts.tsx';
import { useSupervision } from './supervisionContext.ts';
import { OverdueTag, StatusTag, supervisionError } from './supervisionLabels.tsx';

function TaskItems({ items, testId }: { items: TaskSummary[]; testId: string }) {
  return (
    <List
      data-testid={testId}
      dataSource={items}
      renderItem={(task) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Link to={`/supervision/tasks/${task.id}`} style={{ fontSize: 16 }}>
                {task.title}
              </Link>
            }
            description={
              <Space wrap>
                <StatusTag status={task.status} />
                <OverdueTag overdue={task.overdue} days={task.overdueDays} />
                <span>{task.leadUnitName}</span>
                <span>{task.deadlineDate}</span>
                <span>{task.ownerName ?? ''}</span>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { capabilities } = useSupervision();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setData(await supervisionApi.dashboard());
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(
    () =>
      realtime.on('notification:new', (n) => {
        if (n.kind.startsWith('supervision.')) void load();
      }),
    [load],
  );

  if (error !== null)
    return <Alert type="error" showIcon title={t('supervision.loadFailed', { message: supervisionError(t, error) })} />;
  const days = Math.max(...(capabilities?.reminderDays ?? [3]));
  const units = data?.units ?? [];
  return (
    <Flex vertical gap={16}>
      <Card title={t('supervision.dashboard.byUnit')}>
        {units.length === 0 ? (
          <Empty description={t('supervision.dashboard.none')} />
        ) : (
          <Chart
            testId="chart-dashboard"
            height={Math.max(200, units.length * 36)}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { data: [t('supervision.dashboard.overdue'), t('supervision.dashboard.atRisk', { days })] },
              grid: { left: 160, right: 24 },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', data: units.map((u) => u.unitName).reverse() },
              series: [
                {
                  name: t('supervision.dashboard.overdue'),
                  type: 'bar',
                  stack: 'n',
                  color: '#ff4d4f',
                  data: units.map((u) => u.overdue).reverse(),
                },
                {
                  name: t('supervision.dashboard.atRisk', { days }),
                  type: 'bar',
                  stack: 'n',
                  color: '#faad14',
                  data: units.map((u) => u.atRisk).reverse(),
                },
              ],
            }}
          />
        )}
        <Space wrap style={{ marginTop: 8 }}>
          {units.map((u) => (
            <Badge key={u.unitId} count={u.overdue} color="#ff4d4f" offset={[8, 0]}>
              <Typography.Text>{u.unitName}</Typography.Text>
            </Badge>
          ))}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<Typography.Text type="danger">{t('supervision.dashboard.overdue')}</Typography.Text>}>
            <TaskItems items={data?.overdue ?? []} testId="dashboard-overdue" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('supervision.dashboard.atRisk', { days })}>
            <TaskItems items={data?.atRisk ?? []} testId="dashboard-at-risk" />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
