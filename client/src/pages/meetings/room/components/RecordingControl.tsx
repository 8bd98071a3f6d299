// Recording in the meeting room: the red 录制中 everyone sees while the meeting is recorded, and for the host the
// record / stop button and the move to the next agenda item (a chapter of the recording).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { App, Button, Dropdown, Popconfirm, Tag, Tooltip } from 'antd';
import { BorderOutlined, OrderedListOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../../api/errorMessage.ts';
import { meetingsApi } from '../../../../api/meetings.ts';
import { recordingsApi } from '../../../../api/recordings.ts';
import type { MeetingView } from '../media/MeetingClient.ts';
import './recording.css';

/** The red 录制中, shown to everyone the server tells. */
export function RecordingIndicator({ view }: { view: MeetingView }) {
  const { t } = useTranslation();
  if (!view.recording) return null;
  return (
    <Tooltip title={t('recording.indicatorTitle', { time: dayjs(view.recording.startedAt).format('HH:mm') })}>
      <Tag color="red" className="mr-recording" data-testid="recording-indicator" role="status">
        <span className="mr-recording__dot" aria-hidden />
        {t('recording.indicator')}
      </Tag>
    </Tooltip>
  );
}

/** The host's record button, and while recording, the stop button and the agenda item to move the recording to. */
export function RecordingButton({ view }: { view: MeetingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [agenda, setAgenda] = useState<Array<{ id: string; position: number; title: string }>>([]);
  const meetingId = view.meeting?.id ?? null;
  const isHost = view.self?.isHost ?? false;
  const recording = view.recording !== null;

  useEffect(() => {
    if (!meetingId || !isHost || !recording) return;
    let live = true;
    meetingsApi.get(meetingId).then(
      (m) => live && setAgenda(m.agenda),
      (err: unknown) => console.warn('agenda for the recording chapters could not be loaded', err),
    );
    return () => {
      live = false;
    };
  }, [meetingId, isHost, recording]);

  if (!meetingId || !isHost) return null;
  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  if (!recording)
    return (
      <Button
        shape="round"
        icon={<VideoCameraOutlined />}
        loading={busy}
        onClick={() => void run(() => recordingsApi.start(meetingId), t('recording.started'))}
        data-testid="toggle-recording"
      >
        {t('recording.start')}
      </Button>
    );
  return (
    <>
      {agenda.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: agenda.map((a) => ({ key: a.id, label: `${a.position + 1}. ${a.title}` })),
            onClick: ({ key }) => {
              const item = agenda.find((a) => a.id === key);
              void run(
                () => recordingsApi.chapter(meetingId, key),
                t('recording.chapterMarked', { title: item ? `${item.position + 1}. ${item.title}` : '' }),
              );
            },
          }}
        >
          <Button shape="round" icon={<OrderedListOutlined />} data-testid="recording-chapter">
            {t('recording.nextChapter')}
          </Button>
        </Dropdown>
      )}
      <Popconfirm
        title={t('recording.stopConfirm')}
        onConfirm={() => run(() => recordingsApi.stop(meetingId), t('recording.stopped'))}
      >
        <Button shape="round" danger icon={<BorderOutlined />} loading={busy} data-testid="toggle-recording">
          {t('recording.stop')}
        </Button>
      </Popconfirm>
    </>
  );
}
