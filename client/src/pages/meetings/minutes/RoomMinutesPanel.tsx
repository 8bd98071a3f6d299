// The room's minutes tab: where the minutes stand and the way to them. The minutes open in a new tab, so that writing
// them never takes the minute-taker out of the meeting.
import { useEffect, useState } from 'react';
import { meetingsApi, type MeetingDetail } from '../../../api/meetings.ts';
import { useActiveSession } from '../../../session/sessionContext.ts';
import { MinutesStatusBar } from './MinutesStatusBar.tsx';

export function RoomMinutesPanel({ meetingId }: { meetingId: string }) {
  const { user } = useActiveSession();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Without the meeting's details the panel still shows the minutes; it only cannot offer to begin them.
    meetingsApi.get(meetingId).then(
      (m) => !cancelled && setMeeting(m),
      () => !cancelled && setMeeting(null),
    );
    return () => {
      cancelled = true;
    };
  }, [meetingId]);
  const canCreate =
    meeting !== null && (meeting.minuteTaker?.id === user.id || meeting.host?.id === user.id || meeting.me.can.manage);
  return (
    <div className="mr-minutes" data-testid="room-minutes">
      <MinutesStatusBar meetingId={meetingId} canCreate={canCreate} newTab />
    </div>
  );
}
