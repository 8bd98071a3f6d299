// The online meeting room (/meetings/:meetingId/room, or /meetings/join/:joinCode from a join link): device check
// and passcode first, then the lobby or the meeting, and what follows when it is over for this person.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.ts';
import { PageLoading } from '../../../components/PageLoading.tsx';
import { MeetingRequestError } from '../../../realtime/meetingConnection.ts';
import { EndState } from './components/EndState.tsx';
import { LobbyWait } from './components/LobbyWait.tsx';
import { PreJoin, type JoinChoice } from './components/PreJoin.tsx';
import { RoomView } from './components/RoomView.tsx';
import { LocalTracks } from './media/localTracks.ts';
import { MeetingClient, type JoinTarget } from './media/MeetingClient.ts';
import { fetchJoinLink } from './joinLink.ts';
import { meetingErrorText, needsPasscode } from './meetingErrors.ts';
import { useKeepSessionAlive, useMeetingView } from './useMeetingView.ts';
import './room.css';

/** Tablets get the tablet layout on the server's participant list too (in-room devices). */
function deviceKind(): JoinTarget['device'] {
  const touch = navigator.maxTouchPoints > 1;
  const shortSide = Math.min(window.screen.width, window.screen.height);
  if (!touch) return 'desktop';
  return shortSide >= 600 ? 'tablet' : 'phone';
}

export default function MeetingRoomPage() {
  const { t } = useTranslation();
  const { meetingId, joinCode } = useParams();
  const [client, setClient] = useState<MeetingClient | null>(null);
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askPasscode, setAskPasscode] = useState(false);
  const [title, setTitle] = useState<string | null>(null);

  useEffect(() => () => client?.dispose(), [client]);

  // From a join link, say which meeting it is and ask for the passcode up front when this person will need it.
  useEffect(() => {
    if (!joinCode) return;
    let cancelled = false;
    fetchJoinLink(joinCode).then(
      (info) => {
        if (cancelled) return;
        setTitle(info.title);
        if (info.decision === 'lobby') setAskPasscode(true);
        if (info.decision === 'refuse') setError(meetingErrorText(t, 'meeting_forbidden'));
      },
      (err: unknown) => {
        if (!cancelled) setError(meetingErrorText(t, err instanceof ApiError ? err.code : null));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [joinCode, t]);
  useKeepSessionAlive(client !== null);

  const join = async (choice: JoinChoice) => {
    setJoining(true);
    setError(null);
    const target: JoinTarget = { ...(meetingId ? { meetingId } : { joinCode: joinCode ?? '' }), device: deviceKind() };
    const next = new MeetingClient(target, new LocalTracks(choice.micDeviceId, choice.cameraDeviceId), {
      mic: choice.micOn,
      camera: choice.cameraOn,
    });
    try {
      await next.join(choice.passcode);
      setClient(next);
    } catch (err) {
      next.dispose();
      const code = err instanceof MeetingRequestError ? err.code : null;
      if (needsPasscode(code)) setAskPasscode(true);
      setError(meetingErrorText(t, code));
    } finally {
      setJoining(false);
    }
  };

  if (!client)
    return (
      <PreJoin
        title={title}
        askPasscode={askPasscode}
        error={error}
        joining={joining}
        onJoin={(choice) => void join(choice)}
      />
    );
  return <ActiveMeeting client={client} meetingId={meetingId ?? null} onDone={() => setClient(null)} />;
}

function ActiveMeeting({
  client,
  meetingId,
  onDone,
}: {
  client: MeetingClient;
  meetingId: string | null;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const view = useMeetingView(client);
  switch (view.phase) {
    case 'joining':
      return <PageLoading fullScreen />;
    case 'lobby':
      return <LobbyWait title={view.meeting?.title ?? null} onLeave={() => void client.leave()} />;
    case 'joined':
      return <RoomView client={client} view={view} onLeave={() => void client.leave()} />;
    default:
      return (
        <EndState
          phase={view.phase}
          detail={view.error ? meetingErrorText(t, view.error) : null}
          meetingId={view.meeting?.id ?? meetingId}
          onRejoin={onDone}
        />
      );
  }
}
