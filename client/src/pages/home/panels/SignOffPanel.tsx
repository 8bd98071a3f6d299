// A leader's 公文 waiting for their review, countersignature or sign-off (the 待办 list of 办文), soonest due first.
import { Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { officialDocsApi } from '../../../api/officialDocs.ts';
import { DueTag, UrgencyTag } from '../../officialDocs/officialDocLabels.tsx';
import { PanelCard } from './PanelCard.tsx';
import { usePanelData } from './usePanelData.ts';

const SHOWN = 8;

export function SignOffPanel() {
  const { t } = useTranslation();
  const { data, error, loading } = usePanelData(
    () => officialDocsApi.list({ scope: 'todo', pageSize: SHOWN }),
    ['officialDoc.'],
  );
  return (
    <PanelCard
      title={t('workbench.home.signOff')}
      total={data?.total}
      more="/official-documents"
      loading={loading}
      error={error}
      testId="home-sign-off"
    >
      <List
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('workbench.home.signOffEmpty') }}
        renderItem={(d) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
              <Link to={`/official-documents/${d.id}`} data-testid="home-sign-off-item">
                {d.title}
              </Link>
              <span>
                <UrgencyTag urgency={d.urgency} />
                <DueTag dueOn={d.dueOn} />
              </span>
            </Flex>
          </List.Item>
        )}
      />
      {data && data.total > SHOWN && (
        <Typography.Text type="secondary">{t('workbench.home.total', { count: data.total })}</Typography.Text>
      )}
    </PanelCard>
  );
}
