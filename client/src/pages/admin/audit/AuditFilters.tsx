// The audit log's search form: who, which action (or a whole family of them), outcome, time range.
import { Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../../../api/audit.ts';
import { auditActionLabel, KNOWN_AUDIT_ACTIONS } from '../../../components/labels.ts';

type Filters = Omit<AuditQuery, 'page' | 'pageSize'>;

interface Values {
  actor?: string;
  action?: string;
  outcome?: 'success' | 'failure';
  range?: [Dayjs | null, Dayjs | null] | null;
}

const FAMILIES = ['auth', 'user', 'unit'] as const;

export function AuditFilters({ onSearch }: { onSearch: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) => {
    const [from, to] = v.range ?? [null, null];
    onSearch({
      ...(v.actor?.trim() ? { actor: v.actor.trim() } : {}),
      ...(v.action ? { action: v.action } : {}),
      ...(v.outcome ? { outcome: v.outcome } : {}),
      ...(from ? { from: from.toISOString() } : {}),
      ...(to ? { to: to.toISOString() } : {}),
    });
  };

  const actionOptions = [
    { label: t('common.all'), options: FAMILIES.map((f) => ({ value: `${f}.`, label: t(`audit.actionGroups.${f}`) })) },
    {
      label: t('audit.filters.action'),
      options: KNOWN_AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel(t, a) })),
    },
  ];

  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }} data-testid="audit-filters">
        <Form.Item name="actor" label={t('audit.filters.actor')}>
          <Input
            allowClear
            placeholder={t('audit.filters.actorPlaceholder')}
            autoCapitalize="none"
            spellCheck={false}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item name="action" label={t('audit.filters.action')}>
          <Select allowClear showSearch optionFilterProp="label" options={actionOptions} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="outcome" label={t('audit.filters.outcome')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={[
              { value: 'success', label: t('audit.outcome.success') },
              { value: 'failure', label: t('audit.outcome.failure') },
            ]}
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.filters.time')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('audit.filters.apply')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
