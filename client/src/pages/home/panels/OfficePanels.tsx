// The office's panels: its unit's 公文 on their way (在途) with their current step, and the steps past their 办理时限
// with who is late — from one request, so both totals are of the same moment.
import { Col, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { inTransitApi } from '../../../api/workbench.ts';
import { listOf } from '../../../i18n/punctuation.ts';
import { StatusTag, UrgencyTag } from '../../officialDocs/officialDocLabels.tsx';
import type { RouteStatus } from '../../../api/officialDocs.ts';
import { PanelCard } from './PanelCard.tsx';
import { usePanelData } from './usePanelData.ts';

export function OfficePanels() {
  const { t } = useTranslation();
  const { data, error, loading } = usePanelData(() => inTransitApi.get(8), ['officialDoc.']);
  return (
    <>
      <Col xs={24} xxl={12}>
        <PanelCard
          title={t('workbench.home.inTransit')}
          total={data?.inTransit.total}
          more="/official-documents"
          loading={loading}
          error={error}
          testId="home-in-transit"
        >
          <List
            size="small"
            dataSource={data?.inTransit.items ?? []}
            locale={{ emptyText: t('workbench.home.inTransitEmpty') }}
            renderItem={(d) => (
              <List.Item>
                <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
                  <Link to={`/official-documents/${d.id}`} data-testid="home-in-transit-item">
                    {d.title}
                  </Link>
                  <span>
                    <UrgencyTag urgency={d.urgency} />
                    {d.stepName ? <Tag>{d.stepName}</Tag> : <StatusTag status={d.status as RouteStatus} />}
                  </span>
                </Flex>
              </List.Item>
            )}
          />
        </PanelCard>
      </Col>
      <Col xs={24} xxl={12}>
        <PanelCard
          title={t('workbench.home.overdueSteps')}
          total={data?.overdue.total}
          loading={loading}
          error={error}
          testId="home-overdue-steps"
        >
          <List
            size="small"
            dataSource={data?.overdue.items ?? []}
            locale={{ emptyText: t('workbench.home.overdueStepsEmpty') }}
            renderItem={(d) => (
              <List.Item>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Link to={`/official-documents/${d.id}`} data-testid="home-overdue-step">
                      {d.title}
                    </Link>
                    <Tag color="red">{t('workbench.home.daysLate', { count: d.daysLate })}</Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {d.stepName} · {t('workbench.home.lateHandlers', { names: listOf(t, d.late) })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </PanelCard>
      </Col>
    </>
  );
}
