// Where the 文字识别 (OCR) of a scanned file stands, as a small tag beside it (待识别, 识别中 3/5 页, 已识别, 识别失败 with
// its reason), and once the text is there a button that makes a new draft of it and opens that draft.
import { FileTextOutlined } from '@ant-design/icons';
import { App, Button, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/errorMessage.ts';
import type { OcrProgress } from '../api/ocr.ts';

export function OcrStatus({
  progress,
  onDraft,
}: {
  progress: OcrProgress | null | undefined;
  /** Makes the draft; the component then opens it. */
  onDraft: () => Promise<{ id: string }>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!progress || progress.state === 'text_layer') return null;

  const draft = () => {
    setBusy(true);
    onDraft()
      .then(
        ({ id }) => {
          message.success(t('ocr.drafted'));
          navigate(`/documents/${encodeURIComponent(id)}`);
        },
        (err: unknown) => message.error(errorMessage(t, err)),
      )
      .finally(() => setBusy(false));
  };

  switch (progress.state) {
    case 'queued':
      return <Tag data-testid="ocr-status">{t('ocr.queued')}</Tag>;
    case 'running':
      return (
        <Tag color="processing" data-testid="ocr-status">
          {progress.pagesTotal === null
            ? t('ocr.runningUnknown')
            : t('ocr.running', { done: progress.pagesDone, total: progress.pagesTotal })}
        </Tag>
      );
    case 'failed':
      return (
        <Tooltip title={t(`ocr.failure.${progress.error ?? 'engine'}`)}>
          <Tag color="error" data-testid="ocr-status">
            {t('ocr.failed')}
          </Tag>
        </Tooltip>
      );
    case 'done':
      return (
        <>
          <Tag color="success" data-testid="ocr-status">
            {t('ocr.done')}
          </Tag>
          <Button size="small" icon={<FileTextOutlined />} loading={busy} onClick={draft} data-testid="ocr-draft">
            {t('ocr.draft')}
          </Button>
        </>
      );
  }
}

/** Whether a tag may still change, so that its owner asks again. */
export const ocrPending = (p: OcrProgress | null | undefined) => p?.state === 'queued' || p?.state === 'running';
