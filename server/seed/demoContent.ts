// The demo's content (`npm run demo`): a believable month of a district government on top of the demo organisation —
// rooms, meetings past, today's and coming, documents in every workflow state with comments and tracked changes,
// minutes turned into supervision tasks, tasks in every state over five months, and the notifications all of that
// sends. Everything is played through the product's commands in time order, placed around the server's "now" on
// China's working-day calendar and chosen by a generator seeded with today's date, so the same day gives the same demo.
import type { Services } from '../services.ts';
import { seedDocuments } from './demoDocuments.ts';
import { meetingPlans } from './demoMeetingPlans.ts';
import { seedMeeting, seedRooms, type SeededMeeting } from './demoMeetings.ts';
import { seedMinutes } from './demoMinutes.ts';
import { seedTasks } from './demoSupervision.ts';
import { seedRouteTemplates } from './demoRouteTemplates.ts';
import { seedTemplates } from './demoTemplates.ts';
import { DemoWriter } from './demoWriter.ts';
import { DemoWorld } from './demoWorld.ts';
import { markNotificationsRead } from '../commands/notifications/notificationReader.ts';

export interface DemoContentSummary {
  /** What was made, by kind (rooms, meetings, documents, minutes, tasks, commentThreads …). */
  counts: Record<string, number>;
  notifications: number;
  steps: number;
  seconds: number;
}

/** Notifications newer than this many working days stay unread: the workbench's to-dos. */
const UNREAD_WORKING_DAYS = 2;

export async function seedDemoContent(svc: Services): Promise<DemoContentSummary> {
  const started = performance.now();
  const world = await DemoWorld.create(svc);
  const { rng } = world;

  const rooms = seedRooms(world, world.at(world.day(-45), '09:00'));
  const meetings = new Map<string, SeededMeeting>();
  for (const plan of meetingPlans(world, rng.fork('meetings')))
    meetings.set(plan.key, seedMeeting(world, rooms, plan, rng.fork(`meeting:${plan.key}`)));
  const documents = seedDocuments(world, rng.fork('documents'));
  seedMinutes(world, new DemoWriter(world, rng.fork('minutes-writer')), meetings, rng.fork('minutes'));
  seedTasks(world, documents);
  seedTemplates(world);
  seedRouteTemplates(world);
  await world.timeline.run();

  // People have read what reached them before the last couple of working days.
  const readBefore = world.at(world.day(-UNREAD_WORKING_DAYS), '00:00');
  const older = await svc.db.notification.findMany({
    where: { readAt: null, createdAt: { lt: readBefore } },
    select: { id: true, userId: true },
  });
  const byUser = new Map<string, string[]>();
  for (const n of older) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n.id]);
  for (const [userId, ids] of byUser)
    await markNotificationsRead(
      world.svc,
      { ...world.ctx(null, world.now), actor: { id: userId, name: userId } },
      userId,
      ids,
    );

  return {
    counts: world.counts,
    notifications: await svc.db.notification.count(),
    steps: world.timeline.ran,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** A demo database with its people but nothing made yet (no rooms, meetings, documents or tasks). */
export async function demoContentMissing(svc: Services): Promise<boolean> {
  const { db } = svc;
  if (!(await db.user.findUnique({ where: { username: 'zhaojing' }, select: { id: true } }))) return false;
  const made = await Promise.all([
    db.room.count(),
    db.meeting.count(),
    db.document.count(),
    db.supervisionTask.count(),
  ]);
  return made.every((n) => n === 0);
}

/** The one line `npm run demo` prints. */
export function describeDemoContent(s: DemoContentSummary): string {
  const c = (kind: string) => s.counts[kind] ?? 0;
  return (
    `Demo content: ${c('rooms')} rooms, ${c('meetings')} meetings (${c('signIns')} sign-ins, ${c('materials')} materials), ${c('documents')} documents ` +
    `(${c('commentThreads')} comment threads, ${c('suggestions')} tracked changes), ${c('minutes')} minutes, ${c('tasks')} supervision tasks, ` +
    `${s.notifications} notifications — ${s.steps} steps in ${s.seconds} s.`
  );
}
