// 拟稿: a new 公文 in the person's unit — its 文种, title and fields; what the organisation knows (发文机关标志, 代字,
// 署名, 印发机关) the server fills in. Opens the new 公文's page.
import { App, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { officialDocsApi, type OfficialDocTemplate } from '../../api/officialDocs.ts';
import { useActiveSession } from '../../session/sessionContext.ts';
import { allowedClassifications, fieldsBody, OfficialDocFieldItems, type FieldValues } from './OfficialDocFields.tsx';

export function CreateOfficialDocModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useActiveSession();
  const [form] = Form.useForm<FieldValues>();
  const [saving, setSaving] = useState(false);
  const allowed = allowedClassifications(user.clearance);
  const kind = Form.useWatch('kind', form);
  const [templates, setTemplates] = useState<OfficialDocTemplate[]>([]);
  const [templateId, setTemplateId] = useState<string | null>(null);

  useEffect(() => {
    if (!open || !kind) return undefined;
    let cancelled = false;
    officialDocsApi.templates(kind).then(
      ({ items }) => {
        if (cancelled) return;
        setTemplates(items);
        setTemplateId(items[0]?.id ?? null);
        if (items[0]) adopt(items[0]);
      },
      // Drafting works without templates: the list only offers what there is.
      () => !cancelled && setTemplates([]),
    );
    return () => {
      cancelled = true;
    };
    // The templates follow the 文种 (adopt only writes into the form).
  }, [open, kind]);

  /** A template's fields go into the form, where the drafter sees and may change them. */
  function adopt(template: OfficialDocTemplate) {
    form.setFieldsValue({
      mainRecipients: template.mainRecipients,
      ccRecipients: template.ccRecipients,
      remark: template.remark,
      disclosure: template.disclosure as FieldValues['disclosure'],
    });
  }

  const submit = async (values: FieldValues) => {
    setSaving(true);
    try {
      const created = await officialDocsApi.create({ ...fieldsBody(values), ...(templateId ? { templateId } : {}) });
      message.success(t('officialDocs.create.created'));
      onCreated(created.id);
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('officialDocs.create.title')}
      okText={t('officialDocs.create.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('officialDocs.fields.prefilled')}</Typography.Paragraph>
      <Form<FieldValues>
        form={form}
        name="od-create"
        layout="vertical"
        initialValues={{
          kind: 'notice',
          urgency: 'none',
          disclosure: 'proactive',
          classification: allowed.includes('internal') ? 'internal' : allowed[0],
          mainRecipients: [],
          ccRecipients: [],
          secrecyPeriod: '',
          copyNumber: '',
          remark: '',
        }}
        onFinish={(v) => void submit(v)}
        className="tb-touch-options"
      >
        <Form.Item label={t('officialDocs.create.template')} extra={t('officialDocs.create.templateHint')}>
          <Select<string>
            value={templateId ?? ''}
            onChange={(id) => {
              setTemplateId(id || null);
              const template = templates.find((x) => x.id === id);
              if (template) adopt(template);
            }}
            aria-label={t('officialDocs.create.template')}
            options={[
              { value: '', label: t('officialDocs.create.noTemplate') },
              ...templates.map((x) => ({ value: x.id, label: x.name })),
            ]}
          />
        </Form.Item>
        <OfficialDocFieldItems clearance={user.clearance} />
      </Form>
    </Modal>
  );
}
