// 拟稿: a new 公文 in the person's unit — its 文种, title and fields; what the organisation knows (发文机关标志, 代字,
// 署名, 印发机关) the server fills in. Opens the new 公文's page.
import { App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { officialDocsApi } from '../../api/officialDocs.ts';
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

  const submit = async (values: FieldValues) => {
    setSaving(true);
    try {
      const created = await officialDocsApi.create(fieldsBody(values));
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
          attachmentNotes: [],
          secrecyPeriod: '',
          copyNumber: '',
          remark: '',
        }}
        onFinish={(v) => void submit(v)}
        className="tb-touch-options"
      >
        <OfficialDocFieldItems clearance={user.clearance} />
      </Form>
    </Modal>
  );
}
