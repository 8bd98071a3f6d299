// One meeting's task proposals as a table: fields at a glance (missing lead or deadline flagged), per-row edit, split,
// drop, confirm and a link to the decision in the minutes; for the selection, merge and confirm.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { proposalsApi, type Proposal } from '../../../api/minutes.ts';
import type { PersonRef, UnitRef } from '../../../editor/decisionItem/decisionAttrs.ts';
import { decisionAnchor } from '../../../editor/decisionItem/decisionAttrs.ts';
import { minutesError, refusedProposal } from '../../meetings/minutes/minutesErrors.ts';
import { ProposalEditModal, ProposalSplitModal } from './ProposalModals.tsx';
import type { MeetingProposals } from './useProposals.ts';
import './proposals.css';
import { listOf } from '../../../i18n/punctuation.ts';

export function minutesLink(p: Pick<Proposal, 'minutesDocumentId' | 'decisionId'>): string {
  return `/documents/${encodeURIComponent(p.minutesDocumentId)}${p.decisionId ? `#${decisionAnchor(p.decisionId)}` : ''}`;
}

/** The field, marked for a second look when the extractor read it with low confidence. */
function Checked({
  proposal,
  fields,
  hint,
  children,
}: {
  proposal: Proposal;
  fields: ReadonlyArray<Proposal['uncertain'][number]>;
  hint: string;
  children: ReactNode;
}) {
  if (!fields.some((f) => proposal.uncertain.includes(f))) return <>{children}</>;
  return (
    <Tooltip title={hint}>
      <span className="tb-proposal-uncertain" data-uncertain="true">
        {children}
      </span>
    </Tooltip>
  );
}

type Dialog = { kind: 'edit'; proposal: Proposal | null } | { kind: 'split'; proposal: Proposal };

export function MeetingProposalsCard({
  group,
  editable,
  onChanged,
}: {
  group: MeetingProposals;
  editable: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const names = (refs: ReadonlyArray<UnitRef | PersonRef>) =>
    listOf(
      t,
      refs.map((r) => r.name),
    );
  const { message, modal } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  // The proposal the server refused to turn into a task (no lead unit from the directory, no deadline): marked until fixed.
  const [refused, setRefused] = useState<string | null>(null);
  const titleOf = (id: string) => group.items.find((p) => p.id === id)?.title;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      message.success(await work());
      setSelected([]);
      setRefused(null);
      await onChanged();
    } catch (err) {
      setRefused(refusedProposal(err)?.proposalId ?? null);
      message.error(minutesError(t, err, titleOf));
    } finally {
      setBusy(false);
    }
  };

  const confirm = (ids: string[]) =>
    modal.confirm({
      title: t('minutes.proposals.confirmTitle', { count: ids.length }),
      content: t('minutes.proposals.confirmHint'),
      okText: t('minutes.proposals.confirmOne'),
      cancelText: t('common.cancel'),
      okButtonProps: { size: 'large' },
      cancelButtonProps: { size: 'large' },
      onOk: () =>
        run(async () => {
          const { tasks } = await proposalsApi.confirm(ids);
          return t('minutes.proposals.confirmDone', { count: tasks.length });
        }),
    });

  const columns: ColumnsType<Proposal> = [
    {
      key: 'title',
      title: t('minutes.proposals.columns.title'),
      render: (_, p) => (
        <Flex vertical gap={4}>
          <Space wrap size={4}>
            <Checked proposal={p} fields={['title']} hint={t('minutes.proposals.uncertain')}>
              <Typography.Text strong data-testid="proposal-title">
                {p.title}
              </Typography.Text>
            </Checked>
            {p.needsReview && p.status === 'pending' && <Tag color="orange">{t('minutes.proposals.needsReview')}</Tag>}
          </Space>
          {p.sourceText && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, expandable: true, symbol: '…' }}
              style={{ margin: 0 }}
            >
              {p.sourceText}
            </Typography.Paragraph>
          )}
        </Flex>
      ),
    },
    {
      key: 'lead',
      title: t('minutes.proposals.columns.lead'),
      width: 170,
      render: (_, p) =>
        p.leadUnits.length > 0 ? (
          <Checked proposal={p} fields={['leadUnits']} hint={t('minutes.proposals.uncertain')}>
            <span data-testid="proposal-lead">{names(p.leadUnits)}</span>
          </Checked>
        ) : (
          <Tag color="red" data-testid="proposal-lead">
            {t('minutes.proposals.noLead')}
          </Tag>
        ),
    },
    {
      key: 'co',
      title: t('minutes.proposals.columns.co'),
      width: 170,
      render: (_, p) => (
        <Checked proposal={p} fields={['coUnits']} hint={t('minutes.proposals.uncertain')}>
          <span data-testid="proposal-co">{names(p.coUnits)}</span>
        </Checked>
      ),
    },
    {
      key: 'owners',
      title: t('minutes.proposals.columns.owners'),
      width: 130,
      render: (_, p) => (
        <Checked proposal={p} fields={['owners', 'coOwners']} hint={t('minutes.proposals.uncertain')}>
          <span data-testid="proposal-owners">{[names(p.owners), names(p.coOwners)].filter(Boolean).join(' / ')}</span>
        </Checked>
      ),
    },
    {
      key: 'due',
      title: t('minutes.proposals.columns.due'),
      width: 120,
      render: (_, p) =>
        p.due ? (
          <Checked proposal={p} fields={['due']} hint={t('minutes.proposals.uncertain')}>
            <span data-testid="proposal-due">{p.due}</span>
          </Checked>
        ) : (
          <Tag color="red" data-testid="proposal-due">
            {t('minutes.proposals.noDue')}
          </Tag>
        ),
    },
    {
      key: 'actions',
      title: t('minutes.proposals.columns.actions'),
      width: 220,
      render: (_, p) => (
        <Space wrap size={[4, 4]}>
          {editable && (
            <Button onClick={() => setDialog({ kind: 'edit', proposal: p })} data-testid="proposal-edit">
              {t('minutes.proposals.edit')}
            </Button>
          )}
          {editable && (
            <Button onClick={() => setDialog({ kind: 'split', proposal: p })} data-testid="proposal-split">
              {t('minutes.proposals.split')}
            </Button>
          )}
          {editable && (
            <Popconfirm
              title={t('minutes.proposals.dropConfirm')}
              okText={t('minutes.proposals.drop')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                run(async () => {
                  await proposalsApi.drop(p.id);
                  return t('minutes.proposals.dropped');
                })
              }
            >
              <Button danger data-testid="proposal-drop">
                {t('minutes.proposals.drop')}
              </Button>
            </Popconfirm>
          )}
          {editable && (
            <Button type="primary" onClick={() => confirm([p.id])} data-testid="proposal-confirm">
              {t('minutes.proposals.confirmOne')}
            </Button>
          )}
          {p.decisionId && (
            <Link to={minutesLink(p)} data-testid="proposal-minutes-link">
              {t('minutes.proposals.openMinutes')}
            </Link>
          )}
          {p.taskIds.map((id) => (
            <Link key={id} to={`/supervision/tasks/${encodeURIComponent(id)}`} data-testid="proposal-task-link">
              {t('minutes.proposals.openTask')}
            </Link>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Card
      data-testid="meeting-proposals"
      data-meeting-id={group.meetingId}
      title={
        <Space wrap>
          <Link to={`/meetings/${encodeURIComponent(group.meetingId)}`}>{group.meetingTitle}</Link>
          <Typography.Text type="secondary">
            {t('minutes.proposals.meetingCount', { count: group.items.length })}
          </Typography.Text>
        </Space>
      }
      extra={
        editable && (
          <Space wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'edit', proposal: null })}
              data-testid="proposal-add"
            >
              {t('minutes.proposals.add')}
            </Button>
            <Button
              disabled={selected.length < 2 || busy}
              onClick={() =>
                void run(async () => {
                  await proposalsApi.merge(selected);
                  return t('minutes.proposals.mergeDone');
                })
              }
              data-testid="proposals-merge"
            >
              {t('minutes.proposals.merge')}
            </Button>
            <Button
              type="primary"
              disabled={selected.length === 0 || busy}
              onClick={() => confirm(selected)}
              data-testid="proposals-confirm"
            >
              {t('minutes.proposals.confirmSelected', { count: selected.length })}
            </Button>
          </Space>
        )
      }
    >
      <Table<Proposal>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={group.items}
        columns={columns}
        scroll={{ x: 900 }}
        onRow={(p) => ({ 'data-testid': 'proposal-row', 'data-proposal-id': p.id }) as HTMLAttributes<HTMLElement>}
        rowClassName={(p) => (p.id === refused ? 'tb-proposal-row--refused' : '')}
        rowSelection={
          editable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined
        }
      />
      {dialog?.kind === 'edit' && (
        <ProposalEditModal
          meetingId={group.meetingId}
          proposal={dialog.proposal}
          onCancel={() => setDialog(null)}
          onDone={async () => {
            setDialog(null);
            setRefused(null);
            await onChanged();
          }}
        />
      )}
      {dialog?.kind === 'split' && (
        <ProposalSplitModal
          proposal={dialog.proposal}
          onCancel={() => setDialog(null)}
          onDone={async () => {
            setDialog(null);
            setSelected([]);
            await onChanged();
          }}
        />
      )}
    </Card>
  );
}
