// Plays a meeting's recording in the browser with the minutes beside it: the video (seekable, the server honours byte
// ranges), its chapters (one per agenda item; a click seeks there), and the minutes as signed, or as last saved.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EditorContent, useEditor } from '@tiptap/react';
import { Alert, Button, Card, Empty, List, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { documentsApi } from '../../../api/documents.ts';
import { errorMessage } from '../../../api/errorMessage.ts';
import { ApiError } from '../../../api/http.ts';
import { minutesApi } from '../../../api/minutes.ts';
import { recordingsApi, type Recording } from '../../../api/recordings.ts';
import { staticExtensions } from '../../../editor/editorExtensions.ts';
import { formatDuration } from './duration.ts';
import './recordings.css';

function ReadOnlyMinutes({ content }: { content: Record<string, unknown> }) {
  const editor = useEditor(
    { extensions: staticExtensions(), content, editable: false, editorProps: { attributes: { class: 'tb-doc' } } },
    [content],
  );
  return <EditorContent editor={editor} />;
}

type MinutesContent =
  | { phase: 'loading' }
  | { phase: 'none' }
  | { phase: 'ready'; content: Record<string, unknown> }
  | { phase: 'failed'; error: unknown };

/** The signed version of the minutes, else their newest saved version; none when there are no minutes to show. */
async function loadMinutes(meetingId: string): Promise<MinutesContent> {
  try {
    const minutes = await minutesApi.get(meetingId);
    const versionId = minutes.version?.id ?? (await documentsApi.versions(minutes.documentId)).items[0]?.id;
    if (!versionId) return { phase: 'none' };
    return { phase: 'ready', content: (await documentsApi.version(minutes.documentId, versionId)).content };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return { phase: 'none' };
    return { phase: 'failed', error: err };
  }
}

export default function RecordingPlayerPage() {
  const { t } = useTranslation();
  const { id: meetingId = '', recordingId = '' } = useParams();
  const video = useRef<HTMLVideoElement>(null);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [minutes, setMinutes] = useState<MinutesContent>({ phase: 'loading' });

  useEffect(() => {
    let live = true;
    recordingsApi.list(meetingId).then(
      (r) => {
        if (!live) return;
        const found = r.items.find((i) => i.id === recordingId) ?? null;
        setRecording(found);
        if (!found) setError(new ApiError(404, 'not_found', 'recording not found'));
      },
      (err: unknown) => live && setError(err),
    );
    void loadMinutes(meetingId).then((m) => live && setMinutes(m));
    return () => {
      live = false;
    };
  }, [meetingId, recordingId]);

  const seek = (ms: number) => {
    if (!video.current) return;
    video.current.currentTime = ms / 1000;
    void video.current.play();
  };

  return (
    <div className="rec-page">
      <Link to={`/meetings/${encodeURIComponent(meetingId)}`}>
        <Button type="link" icon={<ArrowLeftOutlined />}>
          {t('recording.back')}
        </Button>
      </Link>
      {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} />}
      {!recording && error === null && <Spin />}
      {recording && (
        <div className="rec-layout">
          <Card className="rec-player" title={t('recording.playerTitle')}>
            {recording.playable ? (
              <video
                ref={video}
                className="rec-video"
                controls
                preload="metadata"
                src={recordingsApi.contentUrl(meetingId, recording.id)}
                data-testid="recording-video"
              />
            ) : (
              <Alert type="info" showIcon title={t(`recording.status.${recording.status}`)} />
            )}
            {recording.status === 'partial' && (
              <Typography.Paragraph type="warning">{t('recording.partialHint')}</Typography.Paragraph>
            )}
            {recording.chapters.length > 0 && (
              <List
                header={t('recording.chapters')}
                size="small"
                dataSource={recording.chapters}
                renderItem={(c) => (
                  <List.Item data-testid="recording-chapter-item">
                    <Button type="link" onClick={() => seek(c.startMs)}>
                      {formatDuration(c.startMs)}
                    </Button>
                    <span>{c.title}</span>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card className="rec-minutes" title={t('recording.minutesBeside')} data-testid="recording-minutes">
            {minutes.phase === 'loading' && <Spin />}
            {minutes.phase === 'none' && <Empty description={t('recording.noMinutes')} />}
            {minutes.phase === 'failed' && <Alert type="error" showIcon title={errorMessage(t, minutes.error)} />}
            {minutes.phase === 'ready' && (
              <div className="tb-paper rec-minutes__paper">
                <ReadOnlyMinutes content={minutes.content} />
              </div>
            )}
          </Card>
        </div>
      )}
    </div>
  );
}
