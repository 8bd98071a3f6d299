// Meeting recordings over REST: the host starts and stops recording and moves it to an agenda item; the meeting page
// lists the recordings and plays them (the content URL streams the sealed WebM with byte ranges).
import type { RecordingBody } from '../../../server/presenters/meetingRecording.ts';
import type { RecordingStateView } from '../../../media/signaling.ts';
import { http } from './http.ts';
import type { Ok } from './types.ts';

export type Recording = RecordingBody;
export type { RecordingStateView };

const one = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const recordingsApi = {
  start: (meetingId: string) => http.post<RecordingStateView>(`${one(meetingId)}/recording/start`),
  stop: (meetingId: string) => http.post<{ recordingId: string }>(`${one(meetingId)}/recording/stop`),
  chapter: (meetingId: string, agendaItemId: string) =>
    http.post<Ok>(`${one(meetingId)}/recording/chapter`, { agendaItemId }),
  list: (meetingId: string) => http.get<{ items: Recording[] }>(`${one(meetingId)}/recordings`),
  /** Where the browser's <video> reads the recording from (the session cookie goes with it). */
  contentUrl: (meetingId: string, recordingId: string) =>
    `${one(meetingId)}/recordings/${encodeURIComponent(recordingId)}/content`,
};
