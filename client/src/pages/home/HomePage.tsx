// 工作台: a greeting, the panels of the person's roles (rolePanels.ts: my 待办 or the 公文 to sign off, the office's
// unit 收文, 在途 and overdue 公文, supervision), today's meetings, unread notifications and recent items.
// Administrators get a way into 管理 instead of business panels.
import { Badge, Button, Card, Col, Flex, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { roleLabel } from '../../components/labels.ts';
import { NotificationList } from '../../components/NotificationList.tsx';
import { useNotifications } from '../../realtime/notificationsContext.ts';
import { useActiveSession } from '../../session/sessionContext.ts';
import { RecentDocuments } from '../documents/RecentDocuments.tsx';
import { MyTodoPanel } from './panels/MyTodoPanel.tsx';
import { OfficePanels } from './panels/OfficePanels.tsx';
import { SignOffPanel } from './panels/SignOffPanel.tsx';
import { SupervisionPanel } from './panels/SupervisionPanel.tsx';
import { TodayPanel } from './panels/TodayPanel.tsx';
import { UnitInboxPanel } from './panels/UnitInboxPanel.tsx';
import { homePanels, type MainPanel } from './rolePanels.ts';

type DayPart = 'morning' | 'noon' | 'afternoon' | 'evening';

function dayPart(hour: number): DayPart {
  if (hour < 11) return 'morning';
  if (hour < 13) return 'noon';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

export function HomePage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const { items, unread, markAllRead } = useNotifications();
  const { user } = session;
  const now = dayjs();
  const todos = items.filter((n) => !n.readAt);
  const adminRole = user.roles.find((r) => r.endsWith('_admin'));
  const panels = homePanels(user.roles);

  return (
    <div className="tb-page">
      <Flex vertical gap={4} style={{ marginBottom: 20 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="greeting">
          {t(`home.greeting.${dayPart(now.hour())}`, { name: user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('home.today', { date: now.format(t('home.dateFormat')) })}
          {user.unitName ? ` · ${user.unitName}` : ''}
          {user.title ? ` · ${user.title}` : ''}
        </Typography.Text>
      </Flex>

      {adminRole && session.capabilities.includes('admin.console') && (
        <Card style={{ marginBottom: 16 }}>
          <Flex align="center" justify="space-between" gap={12} wrap>
            <Typography.Text>{t('home.adminIntro', { role: roleLabel(t, adminRole) })}</Typography.Text>
            <Link to="/admin">
              <Button type="primary" size="large">
                {t('home.goAdmin')}
              </Button>
            </Link>
          </Flex>
        </Card>
      )}

      <Row gutter={[16, 16]}>
        {panels.main.length > 0 && (
          <Col xs={24} xl={16}>
            <Row gutter={[16, 16]} data-testid="role-panels">
              {panels.main.map((panel) =>
                panel === 'office' ? (
                  <OfficePanels key={panel} />
                ) : (
                  <Col key={panel} xs={24}>
                    <MainPanelView panel={panel} />
                  </Col>
                ),
              )}
            </Row>
          </Col>
        )}
        <Col xs={24} xl={panels.main.length > 0 ? 8 : 24}>
          <Flex vertical gap={16}>
            {panels.today && <TodayPanel withDeadlines={panels.today === 'schedule'} />}
            <Card
              title={
                <Flex align="center" gap={8}>
                  {t('home.todos')}
                  <Badge count={unread} />
                </Flex>
              }
              extra={
                unread > 0 && (
                  <Button type="link" onClick={() => void markAllRead()}>
                    {t('notifications.markAllRead')}
                  </Button>
                )
              }
              data-testid="todos"
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('home.todosHint')}
              </Typography.Paragraph>
              <NotificationList items={todos} emptyText={t('home.todosEmpty')} />
            </Card>
            {/* Recent meetings, documents and tasks: the business modules, which duty accounts do not use. */}
            {!adminRole && (
              <Card title={t('home.recent')}>
                <RecentDocuments />
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

function MainPanelView({ panel }: { panel: Exclude<MainPanel, 'office'> }) {
  switch (panel) {
    case 'myTodo':
      return <MyTodoPanel />;
    case 'signOff':
      return <SignOffPanel />;
    case 'unitInbox':
      return <UnitInboxPanel />;
    case 'taskDeadlines':
      return <SupervisionPanel mode="desk" />;
    case 'supervisionOverview':
      return <SupervisionPanel mode="overview" />;
  }
}
