// The 分发 card on a 公文's page: each recipient unit's status (待签收/已签收/拒收 with its reason/已撤回/已办结) with
// recall and reissue for the office, and, once the 公文 is sealed, the office's choice of units (prefilled from its
// 主送/抄送) to distribute it to. Follows the recipients' answers live through their notices to the sender.
import { Alert, App, Button, Card, Checkbox, Flex, List, Popconfirm, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistributionRole, DistributionStatus } from '../../../../common/officialDocs/distribution.ts';
import { distributionsApi, type Distribution, type DistributionRow } from '../../api/distributions.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import type { OfficialDoc } from '../../api/officialDocs.ts';
import { realtime } from '../../realtime/connection.ts';

const time = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');

const STATUS_COLOURS: Record<DistributionStatus, string> = {
  pending: 'gold',
  signed: 'green',
  refused: 'red',
  recalled: 'default',
  finished: 'blue',
};

export function DistributionStatusTag({ status }: { status: DistributionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="distribution-status">
      {t(`distribution.status.${status}`)}
    </Tag>
  );
}

function RowLine({ row, onAct }: { row: DistributionRow; onAct: (run: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const notes = [
    t('distribution.sentAt', { at: time(row.sent.at) }),
    row.signed.by && t('distribution.signedBy', { name: row.signed.by.name, at: time(row.signed.at) }),
    row.refused.by &&
      t('distribution.refusedBy', { name: row.refused.by.name, at: time(row.refused.at), reason: row.refused.reason }),
    row.recalled.by && t('distribution.recalledBy', { name: row.recalled.by.name, at: time(row.recalled.at) }),
    row.finished.by &&
      t('distribution.finishedBy', {
        name: row.finished.by.name,
        at: time(row.finished.at),
        result: row.finished.result,
      }),
  ].filter(Boolean);
  return (
    <List.Item
      data-testid="distribution-row"
      data-unit={row.unit.name}
      actions={[
        row.actions.includes('recall') && (
          <Popconfirm
            key="recall"
            title={t('distribution.recallConfirm')}
            onConfirm={() => onAct(() => distributionsApi.recall(row.id))}
          >
            <Button size="small">{t('distribution.recall')}</Button>
          </Popconfirm>
        ),
        row.actions.includes('reissue') && (
          <Button key="reissue" size="small" onClick={() => onAct(() => distributionsApi.reissue(row.id))}>
            {t('distribution.reissue')}
          </Button>
        ),
      ].filter(Boolean)}
    >
      <Flex vertical gap={2}>
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{row.unit.name}</Typography.Text>
          <Tag>{t(`distribution.role.${row.role}`)}</Tag>
          <DistributionStatusTag status={row.status} />
          {row.receiver && (
            <Typography.Text type="secondary">
              {t('distribution.receiver', { name: row.receiver.name })}
            </Typography.Text>
          )}
        </Flex>
        {notes.map((n) => (
          <Typography.Text key={n} type="secondary" className="tb-od-note">
            {n}
          </Typography.Text>
        ))}
      </Flex>
    </List.Item>
  );
}

function DistributeForm({
  offer,
  onSend,
}: {
  offer: NonNullable<Distribution['offer']>;
  onSend: (recipients: Array<{ unitId: string; role: DistributionRole }>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Map<string, DistributionRole>>(
    () => new Map(offer.prefilled.map((p) => [p.unitId, p.role])),
  );
  const [busy, setBusy] = useState(false);
  const toggle = (unitId: string, on: boolean) =>
    setChosen((m) => {
      const next = new Map(m);
      if (on) next.set(unitId, 'main');
      else next.delete(unitId);
      return next;
    });
  return (
    <Flex vertical gap={8} data-testid="distribute-form">
      <Typography.Text type="secondary">{t('distribution.pick')}</Typography.Text>
      {offer.units.map((u) => (
        <Flex key={u.id} gap={8} align="center">
          <Checkbox
            checked={chosen.has(u.id)}
            onChange={(e) => toggle(u.id, e.target.checked)}
            data-testid="distribute-unit"
          >
            {u.name}
          </Checkbox>
          {chosen.has(u.id) && (
            <Select
              size="small"
              value={chosen.get(u.id)}
              aria-label={u.name}
              onChange={(role: DistributionRole) => setChosen((m) => new Map(m).set(u.id, role))}
              options={(['main', 'cc'] as const).map((r) => ({ value: r, label: t(`distribution.role.${r}`) }))}
            />
          )}
        </Flex>
      ))}
      <Button
        type="primary"
        loading={busy}
        disabled={chosen.size === 0}
        data-testid="distribute"
        onClick={async () => {
          setBusy(true);
          try {
            await onSend([...chosen].map(([unitId, role]) => ({ unitId, role })));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('distribution.distribute')}
      </Button>
    </Flex>
  );
}

export function DistributionCard({ doc, onChanged }: { doc: OfficialDoc; onChanged: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [data, setData] = useState<Distribution | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setData(await distributionsApi.of(doc.id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [doc.id]);

  useEffect(() => {
    void load();
  }, [load, doc.status]);

  // A recipient signed for it or refused it: its notice to the sender links to this 公文.
  useEffect(
    () =>
      realtime.on('notification:new', (n) => {
        if (n.kind.startsWith('officialDoc.distribution_') && n.link === `/official-documents/${doc.id}`) void load();
      }),
    [doc.id, load],
  );

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      await load();
    } catch (err) {
      message.error(errorMessage(t, err));
    }
  };

  if (doc.status !== 'sealed' && doc.status !== 'distributed' && doc.status !== 'archived') return null;
  if (error !== null)
    return <Alert type="error" showIcon title={t('distribution.loadFailed', { message: errorMessage(t, error) })} />;
  if (!data) return null;
  return (
    <Card size="small" title={t('distribution.card')} data-testid="distribution-card">
      {data.offer ? (
        <DistributeForm
          offer={data.offer}
          onSend={async (recipients) => {
            try {
              const sent = await distributionsApi.distribute(doc.id, recipients);
              message.success(t('distribution.distributed', { count: sent.distributionIds.length }));
              await onChanged();
              await load();
            } catch (err) {
              message.error(errorMessage(t, err));
            }
          }}
        />
      ) : data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('distribution.empty')}</Typography.Text>
      ) : (
        <List size="small" dataSource={data.items} renderItem={(row) => <RowLine row={row} onAct={act} />} />
      )}
    </Card>
  );
}
