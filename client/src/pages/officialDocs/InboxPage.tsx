// /inbox — 收文箱: the 公文 distributed to the reader's unit (its clerks) or addressed to them (函), newest first, with
// a tab per status counted by the server from the same filter as the list. 签收 turns one into the unit's 收文; 拒收
// asks for a reason. A new distribution appears without a reload: its notice to the clerks refreshes the list.
import { Alert, App, Button, Empty, Flex, Form, Input, List, Modal, Pagination, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { INBOX_STATUSES, REFUSAL_REASON_MAX, type InboxStatus } from '../../../../common/officialDocs/distribution.ts';
import { distributionsApi, type Inbox, type InboxItem } from '../../api/distributions.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { realtime } from '../../realtime/connection.ts';
import { todoFeed } from '../../realtime/todoFeed.ts';
import { DistributionStatusTag } from './DistributionCard.tsx';
import { kindName, UrgencyTag } from './officialDocLabels.tsx';
import './officialDocs.css';

const PAGE_SIZE = 20;
type Tab = InboxStatus | 'all';

function RefuseModal({ item, onClose }: { item: InboxItem | null; onClose: (refused: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={item !== null}
      title={item ? t('distribution.inbox.refuseTitle', { title: item.title }) : ''}
      okText={t('distribution.inbox.refuse')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'refuse-ok' }}
      onCancel={() => onClose(false)}
      destroyOnHidden
      onOk={async () => {
        const { reason } = await form.validateFields();
        setBusy(true);
        try {
          await distributionsApi.refuse(item!.id, reason);
          message.success(t('distribution.inbox.refused'));
          todoFeed.nudge();
          onClose(true);
        } catch (err) {
          message.error(errorMessage(t, err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('distribution.inbox.reason')}
          rules={[{ required: true, whitespace: true, message: t('distribution.inbox.reasonRequired') }]}
        >
          <Input.TextArea maxLength={REFUSAL_REASON_MAX} autoSize={{ minRows: 2 }} data-testid="refuse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function InboxRow({ item, onChanged, onRefuse }: { item: InboxItem; onChanged: () => void; onRefuse: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const signFor = async () => {
    setBusy(true);
    try {
      await distributionsApi.signFor(item.id);
      message.success(t('distribution.inbox.signed'));
      // No longer a document to sign for in my 待办: the badge need not wait for the server's nudge.
      todoFeed.nudge();
      onChanged();
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  const readable = item.status !== 'refused';
  return (
    <List.Item
      data-testid="inbox-row"
      actions={
        item.status === 'pending'
          ? [
              <Button key="sign" type="primary" loading={busy} onClick={signFor} data-testid="sign-for">
                {t('distribution.inbox.signFor')}
              </Button>,
              <Button key="refuse" danger onClick={onRefuse} data-testid="refuse">
                {t('distribution.inbox.refuse')}
              </Button>,
            ]
          : []
      }
    >
      <Flex vertical gap={4}>
        <Flex gap={6} align="center" wrap>
          <UrgencyTag urgency={item.urgency} />
          <Tag>{kindName(item.kind)}</Tag>
          {readable ? (
            <Link to={`/official-documents/${item.officialDocumentId}`}>{item.title}</Link>
          ) : (
            <Typography.Text>{item.title}</Typography.Text>
          )}
          <DistributionStatusTag status={item.status} />
          <Tag>{t(`distribution.role.${item.role}`)}</Tag>
          {item.addressedToMe && <Tag color="purple">{t('distribution.inbox.toMe')}</Tag>}
        </Flex>
        <Typography.Text type="secondary">
          {[
            item.number,
            t('distribution.inbox.from', { issuer: item.issuer }),
            t('distribution.inbox.sentAt', { at: dayjs(item.sentAt).format('YYYY-MM-DD HH:mm') }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {item.refusalReason && (
          <Typography.Text type="danger">
            {t('distribution.inbox.refusedReason', { reason: item.refusalReason })}
          </Typography.Text>
        )}
      </Flex>
    </List.Item>
  );
}

export default function InboxPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('pending');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Inbox | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [refusing, setRefusing] = useState<InboxItem | null>(null);
  const [tick, setTick] = useState(0);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const next = await distributionsApi.inbox({
          status: tab === 'all' ? undefined : tab,
          page,
          pageSize: PAGE_SIZE,
        });
        if (!signal?.aborted) {
          setData(next);
          setError(null);
        }
      } catch (err) {
        if (!signal?.aborted) setError(err);
      }
    },
    [tab, page],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, tick]);

  // A 公文 distributed to the unit: its notice to the clerks means the inbox changed.
  useEffect(
    () =>
      realtime.on('notification:new', (n) => {
        if (n.kind === 'officialDoc.distributed') setTick((x) => x + 1);
      }),
    [],
  );

  const refresh = () => setTick((x) => x + 1);
  const total = data ? INBOX_STATUSES.reduce((sum, s) => sum + data.counts[s], 0) : 0;
  const label = (key: Tab, count: number) => (
    <span data-testid={`inbox-count-${key}`}>
      {key === 'all' ? t('distribution.inbox.all') : t(`distribution.status.${key}`)} {count}
    </span>
  );

  return (
    <Flex vertical gap={12} className="tb-page" data-testid="inbox-page">
      <div>
        <Typography.Title level={3}>{t('distribution.inbox.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('distribution.inbox.subtitle')}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key as Tab);
          setPage(1);
        }}
        items={[
          ...INBOX_STATUSES.map((s) => ({ key: s, label: label(s, data?.counts[s] ?? 0) })),
          { key: 'all', label: label('all', total) },
        ]}
      />
      {error !== null && (
        <Alert type="error" showIcon title={t('distribution.inbox.loadFailed', { message: errorMessage(t, error) })} />
      )}
      {!data ? (
        error === null && <PageLoading />
      ) : data.items.length === 0 ? (
        <Empty description={t('distribution.inbox.empty')} />
      ) : (
        <List
          dataSource={data.items}
          renderItem={(item) => <InboxRow item={item} onChanged={refresh} onRefuse={() => setRefusing(item)} />}
        />
      )}
      {data && data.total > PAGE_SIZE && (
        <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} />
      )}
      <RefuseModal
        item={refusing}
        onClose={(refused) => {
          setRefusing(null);
          if (refused) refresh();
        }}
      />
    </Flex>
  );
}
