// The 收文 card on a 公文's page: its 收文编号, where it came from, the scan (open, or upload while it is handled), the
// reader's 已阅 on a 传阅 step, 办结 with the result, and the supervision tasks raised from it with their closure;
// 转为督办 (for whoever may raise tasks) opens the task form with this document as its basis. The scan shows where its
// text recognition stands (asked again while it is under way), and its text can become a new draft.
import { App, Button, Card, Descriptions, Flex, Input, List, Modal, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errorMessage.ts';
import { incomingApi, type Incoming } from '../../api/incoming.ts';
import { OCR_POLL_MS, ocrApi } from '../../api/ocr.ts';
import type { OfficialDoc } from '../../api/officialDocs.ts';
import { supervisionApi, type Capabilities } from '../../api/supervision.ts';
import { todoFeed } from '../../realtime/todoFeed.ts';
import { OcrStatus, ocrPending } from '../../components/OcrStatus.tsx';
import { CreateTaskModal } from '../supervision/CreateTaskModal.tsx';

const time = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');

export function IncomingCard({ doc, onChanged }: { doc: OfficialDoc; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [incoming, setIncoming] = useState<Incoming | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'read' | 'finish' | null>(null);
  const [text, setText] = useState('');
  const [supervision, setSupervision] = useState<Capabilities | null>(null);
  const [raising, setRaising] = useState(false);

  const load = useCallback(async () => setIncoming(await incomingApi.get(doc.id)), [doc.id]);
  useEffect(() => {
    load().catch((err: unknown) => void message.error(errorMessage(t, err)));
  }, [load, message, t, doc.status, doc.opinions.length]);
  const scanOcr = incoming?.scan?.ocr;
  useEffect(() => {
    if (!ocrPending(scanOcr)) return;
    // A tag is a hint beside the scan: a failed refresh leaves it as it was until the next one.
    const timer = setTimeout(() => void load().catch(() => undefined), OCR_POLL_MS);
    return () => clearTimeout(timer);
  }, [load, scanOcr]);
  useEffect(() => {
    supervisionApi.capabilities().then(setSupervision, (err: unknown) => void message.error(errorMessage(t, err)));
  }, [message, t]);

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      // 已阅 and 办结 end my step: the 待办 badge asks again at once.
      todoFeed.nudge();
      setDialog(null);
      setText('');
      await onChanged();
      await load();
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  if (!incoming) return null;
  const step = doc.route.steps[doc.route.current];
  const mayRead = doc.status === 'in_route' && step?.opinion === 'circulate' && doc.actions.includes('approve');
  const mayFinish = doc.actions.includes('finish');
  return (
    <Card size="small" title={t('incoming.card.title')} data-testid="incoming-card">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('incoming.card.number')}>
          <Typography.Text strong data-testid="incoming-number">
            {incoming.number}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('incoming.card.origin')}>
          {t(`incoming.card.origins.${incoming.origin}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('incoming.card.source')}>
          {incoming.sourceUnit} {incoming.sourceNumber}
        </Descriptions.Item>
        <Descriptions.Item label={t('incoming.card.copies')}>{incoming.copies}</Descriptions.Item>
        {incoming.dueDate && (
          <Descriptions.Item label={t('incoming.card.dueDate')}>{incoming.dueDate}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('incoming.card.registeredBy')}>
          {incoming.registeredBy?.name} {time(incoming.registeredAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('incoming.card.scan')}>
          <Flex gap={8} wrap align="center">
            {incoming.scan ? (
              <a href={incomingApi.scanUrl(doc.id)} target="_blank" rel="noreferrer" data-testid="incoming-scan">
                {incoming.scan.fileName}
              </a>
            ) : (
              <Typography.Text type="secondary">{t('incoming.card.noScan')}</Typography.Text>
            )}
            {incoming.scan && <OcrStatus progress={incoming.scan.ocr} onDraft={() => ocrApi.scanDraft(doc.id)} />}
            {incoming.mayAttachScan && (
              <Upload
                accept="application/pdf"
                showUploadList={false}
                beforeUpload={(file) => {
                  void act(() => incomingApi.attachScan(doc.id, file));
                  return false;
                }}
              >
                <Button size="small" loading={busy} data-testid="incoming-upload-scan">
                  {t('incoming.card.uploadScan')}
                </Button>
              </Upload>
            )}
          </Flex>
        </Descriptions.Item>
        {incoming.distribution && (
          <Descriptions.Item label={t('incoming.card.origin')}>
            <Link to={`/official-documents/${incoming.distribution.sentDocumentId}`}>{t('incoming.card.sent')}</Link>
          </Descriptions.Item>
        )}
        {incoming.result !== null && (
          <Descriptions.Item label={t('incoming.card.result')}>
            <span data-testid="incoming-result">{incoming.result}</span>（{incoming.finishedBy?.name}{' '}
            {time(incoming.finishedAt)}）
          </Descriptions.Item>
        )}
      </Descriptions>
      {incoming.tasks.length > 0 && (
        <List
          size="small"
          header={t('incoming.card.tasks')}
          dataSource={incoming.tasks}
          renderItem={(task) => (
            <List.Item data-testid="incoming-task">
              <Link to={`/supervision/tasks/${task.id}`}>
                {task.code} {task.title}
              </Link>
              <Typography.Text type="secondary">
                {task.leadUnit} · {task.dueDate}
              </Typography.Text>
              <Tag data-testid="incoming-task-status">
                {t(`supervision.status.${task.status}`, { defaultValue: task.status })}
              </Tag>
              {task.completedAt && <Typography.Text type="secondary">{time(task.completedAt)}</Typography.Text>}
            </List.Item>
          )}
        />
      )}
      <Flex gap={8} wrap>
        {mayRead && (
          <Button type="primary" onClick={() => setDialog('read')} data-testid="incoming-read">
            {t('incoming.card.read')}
          </Button>
        )}
        {mayFinish && (
          <Button type="primary" onClick={() => setDialog('finish')} data-testid="incoming-finish">
            {t('incoming.card.finish')}
          </Button>
        )}
        {supervision?.create && (
          <Button onClick={() => setRaising(true)} data-testid="incoming-to-supervision">
            {t('incoming.card.toSupervision')}
          </Button>
        )}
      </Flex>
      {supervision && (
        <CreateTaskModal
          open={raising}
          capabilities={supervision}
          source={{ documentId: doc.documentId, title: doc.title }}
          onClose={() => setRaising(false)}
          onCreated={() => {
            setRaising(false);
            load().catch((err: unknown) => void message.error(errorMessage(t, err)));
          }}
        />
      )}
      <Modal
        open={dialog !== null}
        title={dialog === 'finish' ? t('incoming.card.finishTitle') : t('incoming.card.read')}
        okButtonProps={{ loading: busy, disabled: dialog === 'finish' && !text.trim() }}
        onCancel={() => setDialog(null)}
        onOk={() =>
          void act(() => (dialog === 'finish' ? incomingApi.finish(doc.id, text) : incomingApi.read(doc.id, text)))
        }
      >
        <Input.TextArea
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={dialog === 'finish' ? t('incoming.card.finishResult') : t('incoming.card.readNote')}
          data-testid="incoming-dialog-text"
        />
      </Modal>
    </Card>
  );
}
