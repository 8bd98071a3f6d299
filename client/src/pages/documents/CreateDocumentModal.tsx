// Creates a document in the person's unit. The classification offered stops at their own clearance (the server
// refuses anything above it too).
import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocumentInfo, type NewDocument } from '../../api/documents.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { CLASSIFICATIONS, type Classification } from '../../api/types.ts';
import { clearanceLabel } from '../../components/labels.ts';
import { kindLabel } from './documentLabels.tsx';

/** Whiteboards and material annotation belong to meetings; here people write text. */
const CREATABLE_KINDS = ['draft', 'minutes'] as const;

export function CreateDocumentModal({
  open,
  clearance,
  onClose,
  onCreated,
}: {
  open: boolean;
  clearance: string;
  onClose: () => void;
  onCreated: (doc: DocumentInfo) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewDocument>();
  const [saving, setSaving] = useState(false);
  const ceiling = CLASSIFICATIONS.indexOf(clearance as Classification);
  const allowed = CLASSIFICATIONS.filter((_, level) => level <= Math.max(ceiling, 0));

  const submit = async (values: NewDocument) => {
    setSaving(true);
    try {
      onCreated(await documentsApi.create({ ...values, title: values.title.trim() }));
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('documents.createForm.title')}
      okText={t('documents.createForm.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <Form<NewDocument>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'draft', classification: allowed.includes('internal') ? 'internal' : allowed[0] }}
        onFinish={(v) => void submit(v)}
        className="tb-touch-options"
      >
        <Form.Item name="kind" label={t('documents.createForm.kind')}>
          <Radio.Group
            options={CREATABLE_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
            optionType="button"
            buttonStyle="solid"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('documents.createForm.docTitle')}
          rules={[{ required: true, whitespace: true, message: t('documents.createForm.docTitleRequired') }]}
        >
          <Input placeholder={t('documents.createForm.docTitlePlaceholder')} maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          name="classification"
          label={t('documents.createForm.classification')}
          extra={<Typography.Text type="secondary">{t('documents.createForm.classificationHint')}</Typography.Text>}
        >
          <Select options={allowed.map((c) => ({ value: c, label: clearanceLabel(t, c) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
