// 本单位收文: for the office, the 公文 distributed to its unit that wait to be signed for (their number in the title)
// and the latest to arrive, with a way into the 收文箱. A new distribution's notice to the clerks refreshes it.
import { Flex, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { distributionsApi } from '../../../api/distributions.ts';
import { DistributionStatusTag } from '../../officialDocs/DistributionCard.tsx';
import { UrgencyTag } from '../../officialDocs/officialDocLabels.tsx';
import { PanelCard } from './PanelCard.tsx';
import { usePanelData } from './usePanelData.ts';

const SHOWN = 6;

export function UnitInboxPanel() {
  const { t } = useTranslation();
  const { data, error, loading } = usePanelData(() => distributionsApi.inbox({ pageSize: SHOWN }), ['officialDoc.']);
  const pending = data?.counts.pending;
  return (
    <PanelCard
      title={t('workbench.home.unitInbox')}
      total={pending}
      more="/inbox"
      loading={loading && !data}
      error={error}
      testId="home-unit-inbox"
    >
      {pending !== undefined && (
        <Typography.Paragraph type="secondary" data-testid="home-unit-inbox-pending" data-count={pending}>
          {t('workbench.home.unitInboxPending', { count: pending })}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('workbench.home.unitInboxEmpty') }}
        renderItem={(item) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
              <Link to={`/official-documents/${item.officialDocumentId}`} data-testid="home-unit-inbox-item">
                {item.title}
              </Link>
              <span>
                <UrgencyTag urgency={item.urgency} />
                <DistributionStatusTag status={item.status} />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {dayjs(item.sentAt).format('MM-DD HH:mm')}
                </Typography.Text>
              </span>
            </Flex>
          </List.Item>
        )}
      />
    </PanelCard>
  );
}
