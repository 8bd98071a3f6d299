// /official-documents/route-templates — the unit's route templates (流程模板): everyone of the unit sees how its 公文
// are routed; its office (办公室) writes, changes and retires them. Cards, so that it reads on a phone as on a desktop.
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errorMessage.ts';
import { officialDocsApi, type RouteTemplate } from '../../api/officialDocs.ts';
import { roleLabel } from '../../components/labels.ts';
import { kindName } from './officialDocLabels.tsx';
import { RouteTemplateEditor } from './RouteTemplateEditor.tsx';
import './officialDocs.css';

function StepLine({ template, index }: { template: RouteTemplate; index: number }) {
  const { t } = useTranslation();
  const step = template.steps[index]!;
  const specs = step.chooseFrom?.length ? step.chooseFrom : (step.handlers ?? []);
  const who = specs
    .map((h) =>
      'userId' in h
        ? (template.names[h.userId] ?? h.userId)
        : t('routeTemplates.roleInUnit', { unit: template.names[h.unitId] ?? h.unitId, role: roleLabel(t, h.role) }),
    )
    .join('、');
  return (
    <Flex gap={6} wrap align="center">
      <Typography.Text strong>{`${index + 1}. ${step.name}`}</Typography.Text>
      <Tag>
        {t(`officialDocs.route.kind.${step.kind}`)}
        {step.kind === 'parallel' ? ` · ${t(`officialDocs.route.mode.${step.mode ?? 'all'}`)}` : ''}
      </Tag>
      <Typography.Text type="secondary">
        {step.chooseFrom?.length ? `${t('routeTemplates.chosenBy')} · ${who}` : who}
      </Typography.Text>
      {step.deadlineDays !== undefined && (
        <Tag color="blue">{t('routeTemplates.deadline', { days: step.deadlineDays })}</Tag>
      )}
      {step.skipWhenUrgent && <Tag color="orange">{t('routeTemplates.skipWhenUrgent')}</Tag>}
    </Flex>
  );
}

export default function RouteTemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<RouteTemplate[]>([]);
  const [mayManage, setMayManage] = useState(false);
  const [showRetired, setShowRetired] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<RouteTemplate | null | 'new'>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const list = await officialDocsApi.routeTemplates({ includeRetired: showRetired });
      setItems(list.items);
      setMayManage(list.mayManage);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [showRetired]);

  useEffect(() => {
    void load();
  }, [load]);

  const retire = async (template: RouteTemplate) => {
    try {
      await officialDocsApi.retireRouteTemplate(template.id);
      void message.success(t('routeTemplates.retiredDone'));
      await load();
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  return (
    <div className="tb-od-list">
      <Flex align="center" justify="space-between" wrap gap={8}>
        <div>
          <Link to="/official-documents">
            <ArrowLeftOutlined /> {t('routeTemplates.back')}
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('routeTemplates.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('routeTemplates.subtitle')}</Typography.Text>
        </div>
        {mayManage && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('routeTemplates.new')}
          </Button>
        )}
      </Flex>
      {!loading && !mayManage && error === null && <Alert type="info" showIcon title={t('routeTemplates.readOnly')} />}
      {error !== null && (
        <Alert type="error" showIcon title={t('routeTemplates.loadFailed', { message: errorMessage(t, error) })} />
      )}
      <Checkbox checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)}>
        {t('routeTemplates.showRetired')}
      </Checkbox>
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t('routeTemplates.empty') }}
        renderItem={(template) => (
          <List.Item className="tb-od-row" data-testid="route-template-row">
            <Card
              size="small"
              className="tb-od-card"
              title={
                <Space wrap>
                  <span>{template.name}</span>
                  <Tag color="geekblue">{template.kind ? kindName(template.kind) : t('routeTemplates.allKinds')}</Tag>
                  {template.retiredAt && <Tag>{t('routeTemplates.retired')}</Tag>}
                </Space>
              }
              extra={
                template.mayManage &&
                !template.retiredAt && (
                  <Space>
                    <Button onClick={() => setEditing(template)}>{t('routeTemplates.edit')}</Button>
                    <Popconfirm
                      title={t('routeTemplates.retireConfirm', { name: template.name })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => retire(template)}
                    >
                      <Button danger>{t('routeTemplates.retire')}</Button>
                    </Popconfirm>
                  </Space>
                )
              }
            >
              <Flex vertical gap={4}>
                {template.steps.map((s, i) => (
                  <StepLine key={s.id} template={template} index={i} />
                ))}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      <RouteTemplateEditor
        open={editing !== null}
        template={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('routeTemplates.saved'));
          void load();
        }}
      />
    </div>
  );
}
