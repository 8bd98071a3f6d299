// 收文登记 and the unit's 收文登记簿: a clerk registers a document come in on paper or as a PDF (the scan is uploaded on
// its page, where the 拟办 route starts), and sees what the unit registered, newest first.
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { OFFICIAL_DOCUMENT_KIND_KEYS, URGENCY_KEYS } from '../../../../common/officialDocs/catalogue.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { incomingApi, type IncomingList, type NewIncoming } from '../../api/incoming.ts';
import { clearanceLabel } from '../../components/labels.ts';
import { kindName, StatusTag, urgencyName } from './officialDocLabels.tsx';
import type { RouteStatus } from '../../api/officialDocs.ts';

const CLASSIFICATIONS = ['public', 'internal', 'secret', 'confidential'] as const;

type Values = Omit<NewIncoming, 'dueDate'> & { dueDate?: Dayjs | null };

export default function IncomingRegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [book, setBook] = useState<IncomingList | null>(null);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => setBook(await incomingApi.list(page)), [page]);
  useEffect(() => {
    load().catch((err: unknown) => void message.error(errorMessage(t, err)));
  }, [load, message, t]);

  const register = async (values: Values) => {
    setBusy(true);
    try {
      const done = await incomingApi.register({ ...values, dueDate: values.dueDate?.format('YYYY-MM-DD') ?? null });
      void message.success(t('incoming.register.done', { number: done.number }));
      navigate(`/official-documents/${done.id}`);
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('incoming.register.title')}</Typography.Title>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ origin: 'paper', kind: 'notice', classification: 'internal', urgency: 'none', copies: 1 }}
          onFinish={(v) => void register(v)}
          data-testid="incoming-register-form"
        >
          <Flex gap={12} wrap>
            <Form.Item name="origin" label={t('incoming.register.origin')}>
              <Select
                style={{ width: 140 }}
                options={(['paper', 'pdf'] as const).map((o) => ({
                  value: o,
                  label: t(`incoming.register.origins.${o}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="kind" label={t('incoming.register.kind')}>
              <Select
                style={{ width: 160 }}
                options={OFFICIAL_DOCUMENT_KIND_KEYS.map((k) => ({ value: k, label: kindName(k) }))}
              />
            </Form.Item>
            <Form.Item name="classification" label={t('incoming.register.classification')}>
              <Select
                style={{ width: 120 }}
                options={CLASSIFICATIONS.map((c) => ({ value: c, label: clearanceLabel(t, c) }))}
              />
            </Form.Item>
            <Form.Item name="urgency" label={t('incoming.register.urgency')}>
              <Select
                style={{ width: 120 }}
                options={URGENCY_KEYS.map((u) => ({ value: u, label: urgencyName(u) || '—' }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('incoming.register.docTitle')} rules={[{ required: true }]}>
            <Input maxLength={200} data-testid="incoming-title" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="sourceUnit" label={t('incoming.register.sourceUnit')} rules={[{ required: true }]}>
              <Input maxLength={200} style={{ width: 240 }} data-testid="incoming-source-unit" />
            </Form.Item>
            <Form.Item name="sourceNumber" label={t('incoming.register.sourceNumber')}>
              <Input maxLength={100} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="copies" label={t('incoming.register.copies')}>
              <InputNumber min={1} max={999} precision={0} />
            </Form.Item>
            <Form.Item name="secrecyPeriod" label={t('incoming.register.secrecyPeriod')}>
              <Input maxLength={40} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="dueDate" label={t('incoming.register.dueDate')}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="incoming-register">
            {t('incoming.register.submit')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('incoming.book.title')}>
        <Table
          size="small"
          rowKey="id"
          loading={!book}
          dataSource={book?.items ?? []}
          locale={{ emptyText: t('incoming.book.empty') }}
          pagination={{ current: page, pageSize: 20, total: book?.total ?? 0, onChange: setPage }}
          columns={[
            { title: t('incoming.book.number'), dataIndex: 'number' },
            {
              title: t('incoming.register.docTitle'),
              render: (_: unknown, r: IncomingList['items'][number]) => (
                <Link to={`/official-documents/${r.id}`}>{r.title}</Link>
              ),
            },
            {
              title: t('incoming.register.sourceUnit'),
              render: (_: unknown, r) => `${r.sourceUnit} ${r.sourceNumber}`,
            },
            { title: t('incoming.register.dueDate'), dataIndex: 'dueDate' },
            {
              title: t('incoming.book.status'),
              render: (_: unknown, r: IncomingList['items'][number]) => <StatusTag status={r.status as RouteStatus} />,
            },
            {
              title: t('incoming.book.registeredAt'),
              render: (_: unknown, r) => dayjs(r.registeredAt).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
