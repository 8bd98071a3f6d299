// The agenda with each item's materials (and the meeting's general materials): open one (leaves a pre-reading
// mark), upload (organisers and presenters), remove (organisers); a scanned or image material shows where its text
// recognition stands (asked again while it is under way) and can become a new draft.
import {
  DeleteOutlined,
  EditOutlined,
  FileImageOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import type { ComponentType } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MATERIAL_ACCEPT, meetingsApi, type Material, type MeetingDetail } from '../../../api/meetings.ts';
import { OCR_POLL_MS, ocrApi, type OcrProgress } from '../../../api/ocr.ts';
import { OcrStatus, ocrPending } from '../../../components/OcrStatus.tsx';
import { meetingErrorText } from '../meetingErrorText.ts';
import { timeRange } from '../time.ts';
import { labelled } from '../../../i18n/punctuation.ts';

const ICONS: Record<string, ComponentType> = {
  pdf: FilePdfOutlined,
  docx: FileWordOutlined,
  xlsx: FileExcelOutlined,
  png: FileImageOutlined,
  jpeg: FileImageOutlined,
};

export function AgendaMaterials({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const materials = meeting.materials;
  const ocr = useMaterialsOcr(meeting.id, materials);
  const of = (agendaItemId: string | null) =>
    (materials ?? []).filter((m) => m.agendaItemId === agendaItemId).sort((a, b) => a.position - b.position);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {materials === null && <Typography.Text type="secondary">{t('meetings.detail.materialsHidden')}</Typography.Text>}
      {meeting.agenda.length === 0 && <Empty description={t('meetings.detail.noAgenda')} />}
      {meeting.agenda.map((item, i) => (
        <Card
          key={item.id}
          size="small"
          data-testid="agenda-item"
          title={
            <span>
              {i + 1}. {item.title}
            </span>
          }
          extra={item.startAt && item.endAt ? timeRange(item.startAt, item.endAt, meeting.timeZone) : undefined}
        >
          {item.presenter && (
            <Typography.Paragraph type="secondary">
              {labelled(t, t('meetings.form.presenter'), item.presenter.displayName)}
            </Typography.Paragraph>
          )}
          {materials !== null && (
            <MaterialList
              meeting={meeting}
              agendaItemId={item.id}
              items={of(item.id)}
              ocr={ocr}
              onChanged={onChanged}
            />
          )}
        </Card>
      ))}
      {materials !== null && (
        <Card size="small" title={t('meetings.detail.generalMaterials')}>
          <MaterialList meeting={meeting} agendaItemId={null} items={of(null)} ocr={ocr} onChanged={onChanged} />
        </Card>
      )}
    </Space>
  );
}

/** Where the OCR of each material stands, asked again every few seconds while one waits or is under way. */
function useMaterialsOcr(meetingId: string, materials: Material[] | null): Map<string, OcrProgress> {
  const [ocr, setOcr] = useState<Map<string, OcrProgress>>(new Map());
  const key = materials?.map((m) => m.id).join(',') ?? null;
  useEffect(() => {
    if (key === null || key === '') return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      ocrApi.materials(meetingId).then(
        ({ items }) => {
          if (!live) return;
          setOcr(new Map(items.map(({ materialId, ...p }) => [materialId, p])));
          if (items.some(ocrPending)) timer = setTimeout(load, OCR_POLL_MS);
        },
        // A tag is a hint beside the material: if it cannot be had now, the material shows without it.
        () => undefined,
      );
    };
    load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [meetingId, key]);
  return ocr;
}

function MaterialList({
  meeting,
  agendaItemId,
  items,
  ocr,
  onChanged,
}: {
  meeting: MeetingDetail;
  agendaItemId: string | null;
  items: Material[];
  ocr: Map<string, OcrProgress>;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const closed = meeting.status === 'cancelled' || meeting.status === 'minutes_finalised';

  const remove = async (materialId: string) => {
    try {
      await meetingsApi.removeMaterial(meeting.id, materialId);
      await onChanged();
    } catch (err) {
      message.error(meetingErrorText(t, err));
    }
  };

  return (
    <div>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('meetings.detail.noMaterials')}</Typography.Text>
      ) : (
        <ul className="tb-materials">
          {items.map((m) => {
            const Icon = ICONS[m.kind] ?? FilePdfOutlined;
            return (
              <li key={m.id} className="tb-material" data-testid="material">
                <a
                  href={meetingsApi.materialUrl(meeting.id, m.id)}
                  target="_blank"
                  rel="noreferrer"
                  onClick={() => setTimeout(() => void onChanged(), 800)}
                >
                  <Icon /> {m.title}
                </a>
                <span className="tb-material__meta">
                  {m.kind === 'pdf' && (
                    <Link
                      to={`/meetings/${encodeURIComponent(meeting.id)}/annotate?material=${encodeURIComponent(m.id)}`}
                      data-testid="annotate-material"
                    >
                      <EditOutlined /> {t('annotate.annotateLink')}
                    </Link>
                  )}
                  <OcrStatus progress={ocr.get(m.id)} onDraft={() => ocrApi.materialDraft(meeting.id, m.id)} />
                  {m.openedAt ? (
                    <Tag color="green">{t('meetings.detail.opened')}</Tag>
                  ) : (
                    <Tag>{t('meetings.detail.notOpened')}</Tag>
                  )}
                  {m.readers !== null && (
                    <Typography.Text type="secondary">
                      {t('meetings.detail.readers', { count: m.readers })}
                    </Typography.Text>
                  )}
                  {meeting.me.can.manage && !closed && (
                    <Popconfirm title={t('meetings.detail.removeMaterialConfirm')} onConfirm={() => remove(m.id)}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('meetings.detail.removeMaterial')}
                      />
                    </Popconfirm>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {meeting.me.can.uploadMaterials && !closed && (
        <div data-testid={`upload-${agendaItemId ?? 'general'}`} style={{ marginTop: 8 }}>
          <Upload
            accept={MATERIAL_ACCEPT}
            showUploadList={false}
            multiple
            customRequest={({ file, onSuccess, onError }) => {
              setUploading(true);
              meetingsApi
                .upload(meeting.id, file as File, agendaItemId)
                .then(
                  async (material) => {
                    message.success(t('meetings.detail.uploaded', { name: material.fileName }));
                    onSuccess?.(material);
                    await onChanged();
                  },
                  (err: unknown) => {
                    message.error(meetingErrorText(t, err));
                    onError?.(err instanceof Error ? err : new Error(String(err)));
                  },
                )
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              {t('meetings.detail.upload')}
            </Button>
          </Upload>
        </div>
      )}
    </div>
  );
}
