// 纪要转办: the supervisor's review of the tasks proposed from finalised minutes, meeting by meeting. Each proposal's lead
// and co-units, owners and deadline can be corrected; proposals can be merged, split, dropped or added; confirming
// turns them into supervision tasks (linked to their decision item) and tells the lead units.
import { Alert, Empty, Flex, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ProposalStatus } from '../../../api/minutes.ts';
import { minutesError } from '../../meetings/minutes/minutesErrors.ts';
import { MeetingProposalsCard } from './MeetingProposalsCard.tsx';
import { useProposals } from './useProposals.ts';

const STATUSES: ProposalStatus[] = ['pending', 'confirmed', 'dropped'];

export default function ProposalsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ProposalStatus>('pending');
  const { groups, loading, error, reload } = useProposals(status);
  // A notification about one meeting's proposals links here with ?meetingId=: show that meeting's, with a way to all.
  const [params] = useSearchParams();
  const meetingId = params.get('meetingId');
  const shown = meetingId ? groups.filter((g) => g.meetingId === meetingId) : groups;

  return (
    <Flex vertical gap={16} data-testid="proposals-page">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('minutes.proposals.intro')}
      </Typography.Paragraph>
      <Segmented<ProposalStatus>
        size="large"
        value={status}
        onChange={setStatus}
        options={STATUSES.map((s) => ({ value: s, label: t(`minutes.proposals.status.${s}`) }))}
      />
      {error !== null && (
        <Alert type="error" showIcon title={t('minutes.proposals.loadFailed', { message: minutesError(t, error) })} />
      )}
      {meetingId && (
        <Link to="/supervision/proposals" data-testid="proposals-all">
          {t('minutes.proposals.showAll')}
        </Link>
      )}
      {loading ? (
        <Spin />
      ) : shown.length === 0 ? (
        <Empty description={t('minutes.proposals.empty')} />
      ) : (
        shown.map((group) => (
          <MeetingProposalsCard
            key={group.meetingId}
            group={group}
            editable={status === 'pending'}
            onChanged={reload}
          />
        ))
      )}
    </Flex>
  );
}
