// Meetings and rooms over REST: schedule and preview clashes, calendars, one meeting, its course, replies, sign-in,
// materials. Shapes come from the server's own schemas (type-only imports: nothing of the server reaches the bundle).
import type { z } from 'zod';
import type {
  agendaItemBody,
  clashCheckBody,
  clashCheckResult,
  createBody,
  listBody,
  meetingDetailBody,
  meetingSummaryBody,
  materialBody,
  participantsOutcomeBody,
  patchBody,
  readersBody,
  rescheduleBody,
  rescheduleOutcomeBody,
  rsvpBody,
  rsvpOutcomeBody,
  scheduleOutcomeBody,
  signInCodeBody,
  signInOutcomeBody,
  passcodeBody,
  attendanceSummaryBody,
  rsvpSummaryBody,
  clashViewBody,
} from '../../../server/routes/meetings/schema.ts';
import type { availabilityBody, createRoomBody, roomBody } from '../../../server/routes/rooms/schema.ts';
import type { CalendarView } from '../../../server/domain/meetings/localTime.ts';
import type {
  MeetingMode,
  MeetingType,
  ParticipantRole,
  RoomEquipment,
  RsvpAnswer,
  RsvpState,
} from '../../../server/domain/meetings/vocabulary.ts';
import type { AttendanceState } from '../../../server/domain/meetings/attendance.ts';
import type { MeetingStatus } from '../../../server/domain/meetings/meetingStatus.ts';
import { http } from './http.ts';
import type { Ok } from './types.ts';

export type {
  AttendanceState,
  CalendarView,
  MeetingMode,
  MeetingStatus,
  MeetingType,
  ParticipantRole,
  RoomEquipment,
  RsvpAnswer,
  RsvpState,
};
export type NewMeeting = z.input<typeof createBody>;
export type AgendaItemInput = z.input<typeof agendaItemBody>;
export type MeetingChanges = z.input<typeof patchBody>;
export type ScheduleOutcome = z.infer<typeof scheduleOutcomeBody>;
export type ClashCheck = z.input<typeof clashCheckBody>;
export type ClashReport = z.infer<typeof clashCheckResult>;
export type ClashView = z.infer<typeof clashViewBody>;
export type MeetingSummary = z.infer<typeof meetingSummaryBody>;
export type MeetingList = z.infer<typeof listBody>;
export type MeetingDetail = z.infer<typeof meetingDetailBody>;
export type Seat = MeetingDetail['participants'][number];
export type Material = z.infer<typeof materialBody>;
export type RsvpSummary = z.infer<typeof rsvpSummaryBody>;
export type AttendanceSummary = z.infer<typeof attendanceSummaryBody>;
export type RsvpInput = z.input<typeof rsvpBody>;
export type RsvpOutcome = z.infer<typeof rsvpOutcomeBody>;
export type SignInOutcome = z.infer<typeof signInOutcomeBody>;
export type SignInCode = z.infer<typeof signInCodeBody>;
export type Reschedule = z.input<typeof rescheduleBody>;
export type RescheduleOutcome = z.infer<typeof rescheduleOutcomeBody>;
export type ParticipantsOutcome = z.infer<typeof participantsOutcomeBody>;
export type Readers = z.infer<typeof readersBody>;
export type Passcode = z.infer<typeof passcodeBody>;
export type Room = z.infer<typeof roomBody>;
export type NewRoom = z.input<typeof createRoomBody>;
export type Availability = z.infer<typeof availabilityBody>;
export type MeetingScope = 'mine' | 'unit' | 'organised';

/** Mirrors the server's vocabularies (server/domain/meetings/vocabulary.ts); values because the client needs them at run time. */
export const MEETING_TYPES = [
  'changwu',
  'zhuanti',
  'bangong',
  'lianxi',
  'weekly',
  'custom',
] as const satisfies readonly MeetingType[];
export const MEETING_MODES = ['in_room', 'online', 'hybrid'] as const satisfies readonly MeetingMode[];
export const PARTICIPANT_ROLES = ['attendee', 'non_voting', 'observer'] as const satisfies readonly ParticipantRole[];
export const ROOM_EQUIPMENT = [
  'projector',
  'screen',
  'video_conference',
  'microphones',
  'tablets',
  'recording',
] as const satisfies readonly RoomEquipment[];
export const MATERIAL_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

const base = '/api/meetings';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const meetingsApi = {
  list: (query: { scope?: MeetingScope; view?: CalendarView; date?: string }) =>
    http.get<MeetingList>(base, { query: { ...query } }),
  create: (body: NewMeeting) => http.post<ScheduleOutcome>(base, body),
  clashCheck: (body: ClashCheck) => http.post<ClashReport>(`${base}/clash-check`, body),
  get: (id: string) => http.get<MeetingDetail>(one(id)),
  update: (id: string, changes: MeetingChanges) => http.patch<MeetingDetail>(one(id), changes),
  schedule: (id: string, acceptClashes = false) => http.post<ScheduleOutcome>(`${one(id)}/schedule`, { acceptClashes }),
  reschedule: (id: string, body: Reschedule) => http.post<RescheduleOutcome>(`${one(id)}/reschedule`, body),
  cancel: (id: string, reason: string) => http.post<Ok>(`${one(id)}/cancel`, { reason }),
  start: (id: string) => http.post<Ok>(`${one(id)}/start`),
  end: (id: string) => http.post<Ok>(`${one(id)}/end`),
  rsvp: (id: string, body: RsvpInput) => http.post<RsvpOutcome>(`${one(id)}/rsvp`, body),
  signIn: (id: string, code?: string) => http.post<SignInOutcome>(`${one(id)}/sign-in`, code ? { code } : {}),
  signInCode: (id: string) => http.get<SignInCode>(`${one(id)}/sign-in-code`),
  readers: (id: string) => http.get<Readers>(`${one(id)}/readers`),
  passcode: (id: string) => http.post<Passcode>(`${one(id)}/passcode`),
  icsUrl: (id: string) => `${one(id)}/ics`,
  materialUrl: (id: string, materialId: string) => `${one(id)}/materials/${encodeURIComponent(materialId)}/content`,
  upload: (id: string, file: File, agendaItemId: string | null) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.upload<Material>(`${one(id)}/materials`, form, { query: { agendaItemId: agendaItemId ?? undefined } });
  },
  removeMaterial: (id: string, materialId: string) =>
    http.delete<Ok>(`${one(id)}/materials/${encodeURIComponent(materialId)}`),
  orderMaterials: (id: string, agendaItemId: string | null, ids: string[]) =>
    http.put<Ok>(`${one(id)}/materials/order`, { agendaItemId, ids }),
};

export const roomsApi = {
  list: () => http.get<{ items: Room[] }>('/api/rooms'),
  create: (body: NewRoom) => http.post<Room>('/api/rooms', body),
  update: (id: string, changes: Partial<NewRoom>) => http.patch<Ok>(`/api/rooms/${encodeURIComponent(id)}`, changes),
  availability: (query: { date: string; view?: 'day' | 'week' }) =>
    http.get<Availability>('/api/rooms/availability', { query: { ...query } }),
};
