// Inserts an image by its web address. (Uploading needs a file store on the server; images are not put into the
// document as data, which would make every copy of the shared document carry the file.)
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

interface ImageForm {
  src: string;
  alt?: string;
}

export function ImageDialog({
  open,
  onClose,
  onInsert,
}: {
  open: boolean;
  onClose: () => void;
  onInsert: (src: string, alt: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ImageForm>();
  return (
    <Modal
      open={open}
      title={t('documents.toolbar.image')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form<ImageForm>
        form={form}
        layout="vertical"
        onFinish={(v) => {
          onInsert(v.src.trim(), v.alt?.trim() ?? '');
          onClose();
        }}
      >
        <Form.Item
          name="src"
          label={t('documents.toolbar.imageUrl')}
          rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: t('documents.toolbar.imageUrlInvalid') }]}
        >
          <Input placeholder={t('documents.toolbar.imageUrlPlaceholder')} inputMode="url" autoFocus />
        </Form.Item>
        <Form.Item name="alt" label={t('documents.toolbar.imageAlt')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
