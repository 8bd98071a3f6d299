// Demo rooms and meetings, played through the meeting commands: the clerk adds the rooms, organisers schedule, people
// reply (leave with a substitute, absent), the organiser uploads a PDF material, people sign in on the tablet or
// online, hosts start and end, and one meeting is called off. What each meeting is comes from demoMeetingPlans.ts.
import { Readable } from 'node:stream';
import { createMeeting, type AgendaInput } from '../commands/meetings/meetingScheduler.ts';
import { cancelMeeting } from '../commands/meetings/meetingCanceller.ts';
import { endMeeting, startMeeting } from '../commands/meetings/meetingLifecycle.ts';
import { uploadMaterial } from '../commands/meetings/materialUploader.ts';
import { signInToMeeting } from '../commands/meetings/meetingSignIn.ts';
import { answerRsvp } from '../commands/meetings/rsvpResponder.ts';
import { createRoom, updateRoom } from '../commands/meetings/roomEditor.ts';
import { DEFAULT_TIME_ZONE } from '../domain/meetings/localTime.ts';
import type { MeetingMode, MeetingType, RoomEquipment, SignInMethod } from '../domain/meetings/vocabulary.ts';
import { materialPdf } from './demoMaterialPdf.ts';
import type { DemoRandom } from './demoRandom.ts';
import type { DemoWorld } from './demoWorld.ts';

const MINUTE = 60_000;

export interface AgendaPlan {
  title: string;
  presenter: string;
  minutes: number;
}

export interface MaterialPlan {
  agendaIndex: number;
  title: string;
  lines: string[];
}

export interface MeetingPlan {
  key: string;
  title: string;
  type: MeetingType;
  mode: MeetingMode;
  room: string | null;
  organiser: string;
  host: string;
  minuteTaker: string | null;
  classification: number;
  description: string;
  start: Date;
  end: Date;
  /** When the organiser sends it out (or saves the draft). */
  scheduledAt: Date;
  attendees: string[];
  nonVoting?: string[];
  agenda: AgendaPlan[];
  /** Asked for leave, with a reason and maybe a colleague from their unit standing in. */
  leave?: Array<{ username: string; reason: string; substitute?: string }>;
  /** Replied that they will not come. */
  absent?: string[];
  /** Never replied and never came. */
  silent?: string[];
  /** Signed in after the start. */
  late?: string[];
  material?: MaterialPlan;
  /** Saved as a draft, never sent out. */
  draft?: boolean;
  cancel?: { at: Date; reason: string };
}

export interface SeededMeeting {
  plan: MeetingPlan;
  /** Set once the meeting's creation step has run. */
  id: string | null;
}

export interface RoomPlan {
  name: string;
  location: string;
  capacity: number;
  equipment: RoomEquipment[];
  /** Taken out of use later (keeps its history, takes no bookings). */
  retiredAt?: Date;
}

export function roomPlans(world: DemoWorld): RoomPlan[] {
  return [
    {
      name: '常务会议室',
      location: '区政府大楼3楼301',
      capacity: 40,
      equipment: ['projector', 'screen', 'microphones', 'tablets', 'recording'],
    },
    {
      name: '第一会议室',
      location: '区政府大楼2楼205',
      capacity: 30,
      equipment: ['projector', 'screen', 'microphones'],
    },
    { name: '第二会议室', location: '区政府大楼2楼212', capacity: 20, equipment: ['projector', 'screen'] },
    {
      name: '视频会商室',
      location: '区政府大楼4楼402',
      capacity: 24,
      equipment: ['video_conference', 'screen', 'microphones', 'recording'],
    },
    { name: '小会议室', location: '区政府大楼3楼318', capacity: 10, equipment: ['screen'] },
    {
      name: '应急指挥中心会商室',
      location: '区应急管理局1楼',
      capacity: 16,
      equipment: ['video_conference', 'screen', 'microphones'],
    },
    // An old room kept for its bookings' history: the new 视频会商室 replaced it.
    {
      name: '老楼会议室',
      location: '区政府老楼1楼',
      capacity: 25,
      equipment: ['projector'],
      retiredAt: world.at(world.day(-40), '16:00'),
    },
  ];
}

/** Rooms are there before the first meeting: the clerk set them up at the start of the period. */
export function seedRooms(world: DemoWorld, setUpAt: Date): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [i, room] of roomPlans(world).entries()) {
    world.timeline.add(new Date(setUpAt.getTime() + i * 4 * MINUTE), `room ${room.name}`, async () => {
      const { id } = await createRoom(world.svc, world.ctx('zhaojing', new Date(setUpAt.getTime() + i * 4 * MINUTE)), {
        name: room.name,
        location: room.location,
        capacity: room.capacity,
        equipment: room.equipment,
        active: true,
      });
      ids.set(room.name, id);
      world.count('rooms');
    });
    if (room.retiredAt) {
      const retiredAt = room.retiredAt;
      world.timeline.add(retiredAt, `retire ${room.name}`, () =>
        updateRoom(world.svc, world.ctx('zhaojing', retiredAt), ids.get(room.name)!, { active: false }),
      );
    }
  }
  return ids;
}

function agendaOf(world: DemoWorld, plan: MeetingPlan): AgendaInput[] {
  let cursor = plan.start.getTime();
  return plan.agenda.map((item) => {
    const startAt = new Date(cursor);
    cursor = Math.min(cursor + item.minutes * MINUTE, plan.end.getTime());
    return { title: item.title, presenterId: world.person(item.presenter).id, startAt, endAt: new Date(cursor) };
  });
}

/** Registers one meeting's whole story on the timeline; steps after "now" simply do not happen yet. */
export function seedMeeting(
  world: DemoWorld,
  rooms: ReadonlyMap<string, string>,
  plan: MeetingPlan,
  rng: DemoRandom,
): SeededMeeting {
  const seeded: SeededMeeting = { plan, id: null };
  const id = () => seeded.id!;
  const { timeline } = world;
  const start = plan.start.getTime();

  timeline.add(plan.scheduledAt, `schedule ${plan.title}`, async () => {
    const outcome = await createMeeting(
      world.svc,
      world.ctx(plan.organiser, plan.scheduledAt),
      world.person(plan.organiser),
      {
        title: plan.title,
        type: plan.type,
        customType: null,
        description: plan.description,
        hostId: world.person(plan.host).id,
        minuteTakerId: plan.minuteTaker ? world.person(plan.minuteTaker).id : null,
        startAt: plan.start,
        endAt: plan.end,
        timeZone: DEFAULT_TIME_ZONE,
        mode: plan.mode,
        plenary: false,
        roomId: plan.room ? rooms.get(plan.room)! : null,
        classification: plan.classification,
        agenda: agendaOf(world, plan),
        invitation: {
          users: [
            ...plan.attendees.map((u) => ({ userId: world.person(u).id, role: 'attendee' as const })),
            ...(plan.nonVoting ?? []).map((u) => ({ userId: world.person(u).id, role: 'non_voting' as const })),
          ],
          units: [],
        },
        reminderMinutes: null,
      },
      { schedule: !plan.draft, acceptClashes: false },
    );
    seeded.id = outcome.id;
    world.count('meetings');
  });
  if (plan.draft) return seeded;

  // Replies come in over the hours after the notice, and always before the start.
  const replyAt = (i: number) =>
    new Date(
      Math.min(plan.scheduledAt.getTime() + (25 + i * 37 + rng.int(0, 30)) * MINUTE, start - 40 * MINUTE - i * MINUTE),
    );
  const leaving = new Map((plan.leave ?? []).map((l) => [l.username, l]));
  const absent = new Set(plan.absent ?? []);
  const silent = new Set(plan.silent ?? []);
  // Everyone with a seat but the host replies; the minute-taker has one even when not invited by name.
  const seated = [
    ...new Set([...plan.attendees, ...(plan.nonVoting ?? []), ...(plan.minuteTaker ? [plan.minuteTaker] : [])]),
  ].filter((u) => u !== plan.host);
  for (const [i, username] of seated.entries()) {
    if (silent.has(username)) continue;
    const at = replyAt(i);
    const leave = leaving.get(username);
    timeline.add(at, `rsvp ${username} ${plan.title}`, async () => {
      const subject = await world.requireOnMeeting(username, id(), 'meeting.reply');
      await answerRsvp(
        world.svc,
        world.ctx(username, at),
        subject,
        id(),
        leave
          ? {
              answer: 'leave',
              reason: leave.reason,
              substituteId: leave.substitute ? world.person(leave.substitute).id : null,
            }
          : absent.has(username)
            ? { answer: 'absent', reason: '另有公务安排', substituteId: null }
            : { answer: 'attend', reason: null, substituteId: null },
      );
      world.count('replies');
    });
  }

  if (plan.material) seedMaterial(world, seeded, plan.material, new Date(plan.scheduledAt.getTime() + 90 * MINUTE));
  if (plan.cancel) {
    const { at, reason } = plan.cancel;
    timeline.add(at, `cancel ${plan.title}`, async () => {
      const subject = await world.requireOnMeeting(plan.organiser, id(), 'meeting.manage');
      await cancelMeeting(world.svc, world.ctx(plan.organiser, at), subject, id(), reason);
    });
    return seeded;
  }

  // The host opens the meeting a little early; people sign in as they arrive.
  const startedAt = new Date(start - 2 * MINUTE);
  timeline.add(startedAt, `start ${plan.title}`, async () => {
    await world.requireOnMeeting(plan.host, id(), 'meeting.run');
    await startMeeting(world.svc, world.ctx(plan.host, startedAt), id());
  });
  const late = new Set(plan.late ?? []);
  const arriving = [
    plan.host,
    ...seated.filter((u) => !silent.has(u) && !absent.has(u) && !leaving.has(u)),
    ...(plan.leave ?? []).flatMap((l) => (l.substitute ? [l.substitute] : [])),
  ];
  for (const [i, username] of arriving.entries()) {
    // Sign-in opens half an hour before the start, so early arrivals sign in before the host opens the meeting.
    const at = new Date(
      late.has(username) ? start + rng.int(8, 18) * MINUTE : start - rng.int(2, 14) * MINUTE + i * 7_000,
    );
    const method: SignInMethod =
      plan.mode === 'online' || (plan.mode === 'hybrid' && i % 3 === 2) ? 'online' : 'button';
    timeline.add(at, `sign in ${username} ${plan.title}`, async () => {
      const subject = await world.requireOnMeeting(username, id(), 'meeting.signIn');
      await signInToMeeting(world.svc, world.ctx(username, at), subject, id(), method);
      world.count('signIns');
    });
  }
  const endedAt = new Date(plan.end.getTime() + rng.int(-5, 8) * MINUTE);
  timeline.add(endedAt, `end ${plan.title}`, async () => {
    await world.requireOnMeeting(plan.host, id(), 'meeting.run');
    await endMeeting(world.svc, world.ctx(plan.host, endedAt), id());
  });
  return seeded;
}

function seedMaterial(world: DemoWorld, seeded: SeededMeeting, material: MaterialPlan, at: Date): void {
  const { plan } = seeded;
  world.timeline.add(at, `material ${material.title}`, async () => {
    await world.requireOnMeeting(plan.organiser, seeded.id!, 'meeting.material.upload');
    const items = await world.svc.db.meetingAgendaItem.findMany({
      where: { meetingId: seeded.id! },
      orderBy: { position: 'asc' },
      select: { id: true },
    });
    const pdf = await materialPdf(material.title, material.lines, at, world.svc.config.pdfFont);
    await uploadMaterial(world.svc, world.ctx(plan.organiser, at), world.person(plan.organiser).id, seeded.id!, {
      agendaItemId: items[material.agendaIndex]?.id ?? null,
      title: material.title,
      fileName: `${material.title}.pdf`,
      mimeType: 'application/pdf',
      stream: Readable.from([pdf]),
    });
    world.count('materials');
  });
}
