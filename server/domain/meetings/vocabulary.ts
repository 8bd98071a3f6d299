// The fixed vocabularies of meetings: types, modes, participant roles, replies, statuses. Shared by the schemas,
// the commands and (type-only) the client.

/** 常务会议, 专题会议, 办公会, 联席会议, 周例会, or a custom type named by the organiser. */
export const MEETING_TYPES = ['changwu', 'zhuanti', 'bangong', 'lianxi', 'weekly', 'custom'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** In the room only, online only, or both at once. */
export const MEETING_MODES = ['in_room', 'online', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/** attendee 出席, non_voting 列席, observer 旁听. */
export const PARTICIPANT_ROLES = ['attendee', 'non_voting', 'observer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A participant's reply (参会回执); pending until they answer. */
export const RSVP_ANSWERS = ['attend', 'leave', 'absent'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];
export type RsvpState = RsvpAnswer | 'pending';

export const SIGN_IN_METHODS = ['qr', 'button', 'online'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** Equipment a room may have (the catalogue's tags). */
export const ROOM_EQUIPMENT = [
  'projector',
  'screen',
  'video_conference',
  'microphones',
  'tablets',
  'recording',
] as const;
export type RoomEquipment = (typeof ROOM_EQUIPMENT)[number];

/** Needs a room (in the room or both). */
export function needsRoom(mode: MeetingMode): boolean {
  return mode !== 'online';
}

/** Has a join link and passcode (online or both). */
export function isOnline(mode: MeetingMode): boolean {
  return mode !== 'in_room';
}
