// Supervision on the home page: for the desk (督查室) the overdue and due-soon tasks; for a leader an overview of the
// units they oversee (overdue and at-risk counts). Both read the leader dashboard, which asks the same policies.
import { Flex, List, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { supervisionApi, type TaskSummary } from '../../../api/supervision.ts';
import { OverdueTag } from '../../supervision/supervisionLabels.tsx';
import { PanelCard } from './PanelCard.tsx';
import { usePanelData } from './usePanelData.ts';

const SHOWN = 6;

function TaskList({ tasks, empty, testId }: { tasks: TaskSummary[]; empty: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={tasks.slice(0, SHOWN)}
      locale={{ emptyText: empty }}
      renderItem={(task) => (
        <List.Item>
          <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
            <Link to={`/supervision/tasks/${task.id}`} data-testid={testId}>
              {task.title}
            </Link>
            <span>
              <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                {task.leadUnitName} · {t('workbench.home.dueOn', { date: task.deadlineDate })}
              </Typography.Text>
              <OverdueTag overdue={task.overdue} days={task.overdueDays} />
            </span>
          </Flex>
        </List.Item>
      )}
    />
  );
}

export function SupervisionPanel({ mode }: { mode: 'desk' | 'overview' }) {
  const { t } = useTranslation();
  const { data, error, loading } = usePanelData(() => supervisionApi.dashboard(), ['supervision.']);
  // The lists stop at a limit; the totals are the per-unit counts.
  const totals = (data?.units ?? []).reduce(
    (sum, u) => ({ overdue: sum.overdue + u.overdue, atRisk: sum.atRisk + u.atRisk }),
    {
      overdue: 0,
      atRisk: 0,
    },
  );
  if (mode === 'desk')
    return (
      <Flex vertical gap={16}>
        <PanelCard
          title={t('workbench.home.overdueTasks')}
          total={totals.overdue}
          more="/supervision/desk"
          loading={loading}
          error={error}
          testId="home-overdue-tasks"
        >
          <TaskList tasks={data?.overdue ?? []} empty={t('workbench.home.overdueTasksEmpty')} testId="home-task" />
        </PanelCard>
        <PanelCard
          title={t('workbench.home.dueSoonTasks')}
          total={totals.atRisk}
          more="/supervision/desk"
          loading={loading}
          error={error}
          testId="home-due-soon-tasks"
        >
          <TaskList tasks={data?.atRisk ?? []} empty={t('workbench.home.dueSoonTasksEmpty')} testId="home-task" />
        </PanelCard>
      </Flex>
    );
  return (
    <PanelCard
      title={t('workbench.home.supervisionOverview')}
      more="/supervision/dashboard"
      loading={loading}
      error={error}
      testId="home-supervision-overview"
    >
      <Table
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={(data?.units ?? []).filter((u) => u.overdue + u.atRisk > 0).slice(0, SHOWN)}
        locale={{ emptyText: t('workbench.home.overdueTasksEmpty') }}
        columns={[
          { title: t('workbench.addressBook.columns.unit'), dataIndex: 'unitName' },
          { title: t('workbench.home.overdueTasks'), dataIndex: 'overdue', align: 'right' },
          { title: t('workbench.home.dueSoonTasks'), dataIndex: 'atRisk', align: 'right' },
        ]}
      />
      <TaskList tasks={data?.overdue ?? []} empty="" testId="home-task" />
    </PanelCard>
  );
}
