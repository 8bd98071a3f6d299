// The attachments (附件) of a 公文 beside its 正文: everyone who reads it lists and downloads them; the drafter, while
// it is a draft, uploads, renames, reorders and removes them. The 附件说明 follows on the server, so after a change
// the 公文 is reloaded (its attachmentNotes, its format check).
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  DownloadOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { attachmentsApi, type AttachmentList } from '../../api/officialDocAttachments.ts';
import type { OfficialDoc } from '../../api/officialDocs.ts';

const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

export function AttachmentsCard({ doc, onChanged }: { doc: OfficialDoc; onChanged: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [list, setList] = useState<AttachmentList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await attachmentsApi.list(doc.id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [doc.id]);

  useEffect(() => {
    void load();
  }, [load, doc.updatedAt]);

  /** Runs a change, shows the list the server answers (or reloads it) and the 公文 with its new 附件说明. */
  const change = async (work: () => Promise<AttachmentList | unknown>, done?: string) => {
    setBusy(true);
    try {
      const answer = await work();
      if (answer && typeof answer === 'object' && 'items' in answer) setList(answer as AttachmentList);
      else await load();
      if (done) message.success(done);
      await onChanged();
    } catch (err) {
      message.error(errorMessage(t, err));
      await load();
    } finally {
      setBusy(false);
    }
  };

  const items = list?.items ?? [];
  const mayEdit = list?.mayEdit ?? false;
  const move = (from: number, to: number) => {
    const ids = items.map((a) => a.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    void change(() => attachmentsApi.order(doc.id, ids));
  };

  return (
    <Card
      size="small"
      title={t('issuing.attachments.title')}
      id="od-field-attachments"
      tabIndex={-1}
      data-testid="attachments-card"
      extra={
        mayEdit && (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            multiple
            customRequest={({ file }) =>
              void change(() => attachmentsApi.upload(doc.id, file as File), t('issuing.attachments.uploaded'))
            }
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="attachment-upload">
              {t('issuing.attachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {error !== null && (
        <Alert type="error" showIcon title={t('issuing.attachments.loadFailed', { message: errorMessage(t, error) })} />
      )}
      <Typography.Text type="secondary">
        {mayEdit ? t('issuing.attachments.uploadHint') : t('issuing.attachments.frozen')}
      </Typography.Text>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('issuing.attachments.empty') }}
        renderItem={(a, index) => (
          <List.Item
            data-testid="attachment-row"
            actions={[
              <Button
                key="download"
                type="link"
                icon={<DownloadOutlined />}
                href={attachmentsApi.contentUrl(doc.id, a.id)}
                target="_blank"
                aria-label={t('issuing.attachments.download')}
              />,
              ...(mayEdit
                ? [
                    <Button
                      key="up"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={busy || index === 0}
                      onClick={() => move(index, index - 1)}
                      aria-label={t('issuing.attachments.moveUp')}
                    />,
                    <Button
                      key="down"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={busy || index === items.length - 1}
                      onClick={() => move(index, index + 1)}
                      aria-label={t('issuing.attachments.moveDown')}
                    />,
                    <Popconfirm
                      key="remove"
                      title={t('issuing.attachments.removeConfirm', { number: a.number, name: a.name })}
                      onConfirm={() => void change(() => attachmentsApi.remove(doc.id, a.id))}
                    >
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        disabled={busy}
                        aria-label={t('issuing.attachments.remove')}
                      />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex gap={8} align="baseline">
                <Typography.Text type="secondary">
                  {t('issuing.attachments.number', { number: a.number })}
                </Typography.Text>
                <Typography.Text
                  strong
                  editable={
                    mayEdit && !busy
                      ? {
                          tooltip: t('issuing.attachments.rename'),
                          onChange: (name) => {
                            if (name.trim() && name.trim() !== a.name)
                              void change(() => attachmentsApi.rename(doc.id, a.id, name.trim()));
                          },
                        }
                      : false
                  }
                >
                  {a.name}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" ellipsis>
                {`${a.fileName} · ${Math.max(1, Math.round(a.size / 1024))} KB`}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
