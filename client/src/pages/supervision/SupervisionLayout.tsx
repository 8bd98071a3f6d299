// 督办: the module's frame — title, the views this person may use (my tasks, my unit, the desk, the board,
// statistics, the leader view) and the page of the chosen view.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { supervisionApi, type Capabilities } from '../../api/supervision.ts';
import { CreateTaskModal } from './CreateTaskModal.tsx';
import { SupervisionContext } from './supervisionContext.ts';

const VIEWS = ['mine', 'unit', 'desk', 'proposals', 'board', 'statistics', 'dashboard'] as const;
type View = (typeof VIEWS)[number];
const PATHS: Record<View, string> = {
  mine: '/supervision',
  unit: '/supervision/unit',
  desk: '/supervision/desk',
  proposals: '/supervision/proposals',
  board: '/supervision/board',
  statistics: '/supervision/statistics',
  dashboard: '/supervision/dashboard',
};

export default function SupervisionLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void supervisionApi.capabilities().then(setCapabilities, () => setCapabilities(null));
  }, []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  // The proposals from minutes (纪要转办) are the desk's work: supervisors turn them into tasks.
  const visible = VIEWS.filter((v) =>
    v === 'desk' || v === 'proposals' ? capabilities?.desk : v === 'dashboard' ? capabilities?.dashboard : true,
  );
  const active = [...visible].reverse().find((v) => v !== 'mine' && location.pathname.startsWith(PATHS[v])) ?? 'mine';
  const onTaskPage = location.pathname.startsWith('/supervision/tasks/');

  return (
    <SupervisionContext.Provider value={{ capabilities, version, reload }}>
      <div className="tb-page">
        <Flex align="center" justify="space-between" gap={12} wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('supervision.title')}
          </Typography.Title>
          {capabilities?.create && (
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('supervision.create')}
            </Button>
          )}
        </Flex>
        {!onTaskPage && (
          <Tabs
            activeKey={active}
            size="large"
            onChange={(key) => navigate(PATHS[key as View])}
            items={visible.map((v) => ({
              key: v,
              label: v === 'proposals' ? t('minutes.proposals.tab') : t(`supervision.tabs.${v}`),
            }))}
          />
        )}
        <Outlet />
        {capabilities && (
          <CreateTaskModal
            open={creating}
            capabilities={capabilities}
            onClose={() => setCreating(false)}
            onCreated={(id) => {
              setCreating(false);
              reload();
              navigate(`/supervision/tasks/${id}`);
            }}
          />
        )}
      </div>
    </SupervisionContext.Provider>
  );
}
