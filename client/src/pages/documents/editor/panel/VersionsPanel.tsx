// 版本: the document's versions, newest first; save the current state under a name, view one read-only, compare
// two (or one with the current content), restore one as the new current content (the owner; history is kept).
import { DiffOutlined, EyeOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type Version } from '../../../../api/documents.ts';
import { errorMessage } from '../../../../api/errorMessage.ts';
import zhCN from '../../../../i18n/zh-CN.ts';
import { VersionDiffModal } from './VersionDiffModal.tsx';
import { VersionViewModal } from './VersionViewModal.tsx';
import { versionName } from './versionName.ts';

type ReasonKey = keyof typeof zhCN.documents.versions.reasons;
const isReason = (r: string): r is ReasonKey => Object.hasOwn(zhCN.documents.versions.reasons, r);

export function VersionsPanel({
  documentId,
  versions,
  canSave,
  canRestore,
  beforeSave,
  onChanged,
}: {
  documentId: string;
  /** Waits until the server has this person's last changes: a version is the server's copy. */
  beforeSave: () => Promise<void>;
  versions: Version[];
  canSave: boolean;
  canRestore: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [viewing, setViewing] = useState<Version | null>(null);
  const [comparing, setComparing] = useState<Version | null>(null);

  const save = async ({ name }: { name: string }) => {
    setSaving(true);
    try {
      await beforeSave();
      await documentsApi.saveVersion(documentId, name.trim());
      form.resetFields();
      message.success(t('documents.versions.saved'));
      await onChanged();
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  const restore = (v: Version) => {
    modal.confirm({
      title: t('documents.versions.confirmRestore', { name: versionName(t, v) }),
      okText: t('documents.versions.restore'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await documentsApi.restoreVersion(documentId, v.id);
          message.success(t('documents.versions.restored'));
          await onChanged();
        } catch (err) {
          message.error(errorMessage(t, err));
        }
      },
    });
  };

  return (
    <Flex vertical gap={12} className="tb-panel-section" data-testid="versions-panel">
      {canSave && (
        <Form form={form} layout="inline" onFinish={(v) => void save(v)} className="tb-version-form">
          <Form.Item
            name="name"
            rules={[{ required: true, whitespace: true, message: t('documents.versions.nameRequired') }]}
            style={{ flex: 1, marginInlineEnd: 8 }}
          >
            <Input
              placeholder={t('documents.versions.namePlaceholder')}
              aria-label={t('documents.versions.name')}
              maxLength={100}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            {t('documents.versions.save')}
          </Button>
        </Form>
      )}
      {versions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documents.versions.empty')} />
      ) : (
        <ol className="tb-versions">
          {versions.map((v) => (
            <li key={v.id} className="tb-version" data-testid="version">
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong className="tb-version__name">
                  {versionName(t, v)}
                </Typography.Text>
                <Tag>{isReason(v.reason) ? t(`documents.versions.reasons.${v.reason}`) : v.reason}</Tag>
              </Flex>
              <Typography.Text type="secondary" className="tb-small">
                {t('documents.versions.by', {
                  name: v.createdByName ?? t('common.unknown'),
                  time: dayjs(v.createdAt).format('YYYY-MM-DD HH:mm'),
                })}
              </Typography.Text>
              <Flex gap={4} wrap>
                <Button type="text" icon={<EyeOutlined />} onClick={() => setViewing(v)}>
                  {t('documents.versions.view')}
                </Button>
                <Button type="text" icon={<DiffOutlined />} onClick={() => setComparing(v)}>
                  {t('documents.versions.diff')}
                </Button>
                {canRestore && (
                  <Button type="text" icon={<HistoryOutlined />} onClick={() => restore(v)}>
                    {t('documents.versions.restore')}
                  </Button>
                )}
              </Flex>
            </li>
          ))}
        </ol>
      )}
      <VersionViewModal documentId={documentId} version={viewing} onClose={() => setViewing(null)} />
      <VersionDiffModal
        documentId={documentId}
        versions={versions}
        from={comparing}
        onClose={() => setComparing(null)}
      />
    </Flex>
  );
}
