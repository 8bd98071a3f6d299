// Meeting, room and material rows → API shapes. What a caller may see is decided before (policies); these functions
// only leave out what the flags say they may not: reply reasons, counts, materials, the passcode (never sent).
import type { AttendanceState, Summary } from '../domain/meetings/attendance.ts';
import { attendanceState } from '../domain/meetings/attendance.ts';
import { allowedEvents, type MeetingStatus } from '../domain/meetings/meetingStatus.ts';
import type { RsvpState } from '../domain/meetings/vocabulary.ts';
import { classificationOfLevel } from '../domain/roles.ts';

export type RsvpSummaryView = Summary<RsvpState>;
export type AttendanceSummaryView = Summary<AttendanceState>;

interface Named {
  id: string;
  displayName: string;
}

export interface RoomRow {
  id: string;
  name: string;
  location: string;
  capacity: number;
  equipment: string;
  active: boolean;
}

export function presentRoom(r: RoomRow) {
  return {
    id: r.id,
    name: r.name,
    location: r.location,
    capacity: r.capacity,
    equipment: JSON.parse(r.equipment) as string[],
    active: r.active,
  };
}

const person = (u: Named | null | undefined) => (u ? { id: u.id, displayName: u.displayName } : null);

export interface MeetingSummaryRow {
  id: string;
  title: string;
  type: string;
  customType: string | null;
  status: string;
  classification: number;
  mode: string;
  plenary: boolean;
  startAt: Date;
  endAt: Date;
  timeZone: string;
  organiserUnit: { id: string; name: string };
  room: { id: string; name: string; location: string } | null;
}

/** A meeting in a list or calendar, with the caller's relation to it. */
export function presentMeetingSummary(
  m: MeetingSummaryRow,
  mine: { rsvp: RsvpState | null; role: string | null; clashesWith: string[] },
) {
  return {
    id: m.id,
    title: m.title,
    type: m.type,
    customType: m.customType,
    status: m.status,
    classification: classificationOfLevel(m.classification),
    mode: m.mode,
    plenary: m.plenary,
    startAt: m.startAt.toISOString(),
    endAt: m.endAt.toISOString(),
    timeZone: m.timeZone,
    organiserUnit: { id: m.organiserUnit.id, name: m.organiserUnit.name },
    room: m.room ? { id: m.room.id, name: m.room.name, location: m.room.location } : null,
    myRsvp: mine.rsvp,
    myRole: mine.role,
    clashesWith: mine.clashesWith,
  };
}

export interface MaterialRow {
  id: string;
  agendaItemId: string | null;
  position: number;
  title: string;
  fileName: string;
  kind: string;
  size: number;
  createdAt: Date;
  uploadedBy: Named;
  views: Array<{ userId: string; firstAt: Date; lastAt: Date }>;
}

export function presentMaterial(m: MaterialRow, viewerId: string, showReaders: boolean) {
  const mine = m.views.find((v) => v.userId === viewerId);
  return {
    id: m.id,
    agendaItemId: m.agendaItemId,
    position: m.position,
    title: m.title,
    fileName: m.fileName,
    kind: m.kind,
    size: m.size,
    uploadedBy: person(m.uploadedBy)!,
    createdAt: m.createdAt.toISOString(),
    openedAt: mine ? mine.firstAt.toISOString() : null,
    readers: showReaders ? m.views.length : null,
  };
}

export interface ParticipantRow {
  id: string;
  userId: string;
  role: string;
  viaUnitId: string | null;
  substituteForId: string | null;
  rsvp: string;
  rsvpReason: string | null;
  rsvpAt: Date | null;
  signedInAt: Date | null;
  signInMethod: string | null;
  user: { id: string; displayName: string; title: string; unitId: string; unit: { name: string } };
}

export interface MeetingDetailRow extends MeetingSummaryRow {
  description: string;
  revision: number;
  reminderMinutes: string;
  joinCode: string | null;
  passcodeHash: string | null;
  cancelReason: string | null;
  createdAt: Date;
  scheduledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  createdBy: Named;
  host: Named | null;
  minuteTaker: Named | null;
  agendaItems: Array<{
    id: string;
    position: number;
    title: string;
    startAt: Date | null;
    endAt: Date | null;
    presenter: Named | null;
  }>;
  participants: ParticipantRow[];
  unitInvites: Array<{ unitId: string; role: string; unit: { name: string } }>;
  materials: MaterialRow[];
}

export interface DetailAccess {
  viewerId: string;
  manage: boolean;
  run: boolean;
  reply: boolean;
  signIn: boolean;
  readMaterials: boolean;
  uploadMaterials: boolean;
  changePlenary: boolean;
  joinUrl: string | null;
  now: Date;
  myClashes: Array<{ id: string; title: string | null; startAt: string; endAt: string }>;
  rsvpSummary: RsvpSummaryView | null;
  attendanceSummary: AttendanceSummaryView | null;
}

export function presentMeetingDetail(m: MeetingDetailRow, a: DetailAccess) {
  const bySeatId = new Map(m.participants.map((p) => [p.id, p]));
  const mySeat = m.participants.find((p) => p.userId === a.viewerId) ?? null;
  const seatView = (p: ParticipantRow) => {
    const own = p.userId === a.viewerId;
    const substituteFor = p.substituteForId ? bySeatId.get(p.substituteForId) : undefined;
    const substitute = m.participants.find((o) => o.substituteForId === p.id);
    return {
      id: p.id,
      userId: p.userId,
      displayName: p.user.displayName,
      title: p.user.title,
      unitId: p.user.unitId,
      unitName: p.user.unit.name,
      role: p.role,
      viaUnitId: p.viaUnitId,
      rsvp: p.rsvp as RsvpState,
      // Why someone is away is between them and the organisers.
      rsvpReason: a.manage || own ? p.rsvpReason : null,
      rsvpAt: p.rsvpAt ? p.rsvpAt.toISOString() : null,
      substituteFor: substituteFor
        ? { userId: substituteFor.userId, displayName: substituteFor.user.displayName }
        : null,
      substitute: substitute ? { userId: substitute.userId, displayName: substitute.user.displayName } : null,
      signedInAt: a.run || own ? (p.signedInAt?.toISOString() ?? null) : null,
      attendance:
        a.run || own
          ? attendanceState({ rsvp: p.rsvp as RsvpState, signedInAt: p.signedInAt }, m.startAt, a.now)
          : null,
    };
  };
  return {
    ...presentMeetingSummary(m, {
      rsvp: (mySeat?.rsvp as RsvpState | undefined) ?? null,
      role: mySeat?.role ?? null,
      clashesWith: a.myClashes.map((c) => c.id),
    }),
    description: m.description,
    revision: m.revision,
    reminderMinutes: JSON.parse(m.reminderMinutes) as number[],
    cancelReason: m.cancelReason,
    createdAt: m.createdAt.toISOString(),
    scheduledAt: m.scheduledAt?.toISOString() ?? null,
    startedAt: m.startedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    createdBy: person(m.createdBy)!,
    host: person(m.host),
    minuteTaker: person(m.minuteTaker),
    online: a.joinUrl ? { joinUrl: a.joinUrl, hasPasscode: m.passcodeHash !== null } : null,
    agenda: m.agendaItems.map((i) => ({
      id: i.id,
      position: i.position,
      title: i.title,
      presenter: person(i.presenter),
      startAt: i.startAt?.toISOString() ?? null,
      endAt: i.endAt?.toISOString() ?? null,
    })),
    unitInvites: m.unitInvites.map((u) => ({ unitId: u.unitId, unitName: u.unit.name, role: u.role })),
    participants: m.participants.map(seatView),
    materials: a.readMaterials ? m.materials.map((x) => presentMaterial(x, a.viewerId, a.manage)) : null,
    rsvpSummary: a.rsvpSummary,
    attendanceSummary: a.attendanceSummary,
    me: {
      seat: mySeat ? seatView(mySeat) : null,
      clashes: a.myClashes,
      can: {
        manage: a.manage,
        run: a.run,
        reply: a.reply,
        signIn: a.signIn,
        readMaterials: a.readMaterials,
        uploadMaterials: a.uploadMaterials,
        changePlenary: a.changePlenary,
      },
      events: a.manage ? allowedEvents(m.status as MeetingStatus) : [],
    },
  };
}

export type MeetingDetailView = ReturnType<typeof presentMeetingDetail>;
