// What every area of the demo content shares: the seeding instant and its China calendar, the demo people as the
// policies see them, request contexts stamped with a simulated time, the same policy checks the routes make, and a
// timeline that replays the month's work in time order (so the audit chain, task numbers and notifications follow
// the order things happened in).
import type { RequestContext } from '../audit/auditLog.ts';
import { subjectFromUser, type Subject } from '../auth/subject.ts';
import { addWorkingDays } from '../../common/calendar/workingDays.ts';
import type { IsoDate } from '../../common/calendar/isoDate.ts';
import { fromLocal, localDate } from '../domain/meetings/localTime.ts';
import { NoticeDispatcher } from '../notifications/noticeChannel.ts';
import { authorize, can, type Action } from '../policies/index.ts';
import { authorizeDocument, type Access, type DocumentFacts } from '../policies/documents.ts';
import { meetingFactsSelect, meetingResource } from '../policies/meetingFacts.ts';
import { documentWithAccess } from '../queries/documents/documentAccess.ts';
import type { Services } from '../services.ts';
import { DemoRandom } from './demoRandom.ts';

/** Audit events written by the seed say so: the demo's history is made up, and the log should not pretend otherwise. */
export const DEMO_USER_AGENT = 'tongban-demo-seed';

interface Step {
  at: number;
  order: number;
  label: string;
  run: () => Promise<void>;
}

/**
 * The month's work as steps at instants, run in time order (steps at the same instant in the order they were added).
 * Steps after the seeding instant never run: a meeting that starts later is only scheduled, one that started and has
 * not ended is in progress — the state at "now" follows from the story without special cases. A step may add later
 * steps while the timeline runs, never earlier ones.
 */
export class Timeline {
  private readonly pending: Step[] = [];
  private added = 0;
  private current = Number.NEGATIVE_INFINITY;
  ran = 0;

  constructor(private readonly now: Date) {}

  /** Adds a step; returns false (and drops it) when it lies after the seeding instant. */
  add(at: Date, label: string, run: () => Promise<void>): boolean {
    const time = at.getTime();
    if (!Number.isFinite(time)) throw new RangeError(`demo step “${label}” has no valid time`);
    if (time > this.now.getTime()) return false;
    if (time < this.current)
      throw new RangeError(`demo step “${label}” at ${at.toISOString()} lies before the step running now`);
    const step: Step = { at: time, order: this.added++, label, run };
    let i = this.pending.length;
    while (
      i > 0 &&
      (this.pending[i - 1]!.at > step.at ||
        (this.pending[i - 1]!.at === step.at && this.pending[i - 1]!.order > step.order))
    )
      i--;
    this.pending.splice(i, 0, step);
    return true;
  }

  async run(): Promise<void> {
    for (let step = this.pending.shift(); step; step = this.pending.shift()) {
      this.current = step.at;
      try {
        await step.run();
      } catch (err) {
        throw new Error(
          `demo step “${step.label}” at ${new Date(step.at).toISOString()} failed: ${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
      this.ran++;
    }
  }
}

export class DemoWorld {
  readonly today: IsoDate;
  readonly timeline: Timeline;
  readonly counts: Record<string, number> = {};

  private constructor(
    /** The services the seed's commands run with: notices stay in the system (see create). */
    readonly svc: Services,
    readonly now: Date,
    readonly rng: DemoRandom,
    private readonly people: ReadonlyMap<string, Subject>,
    private readonly units: ReadonlyMap<string, { id: string; name: string; shortName: string | null }>,
  ) {
    this.today = localDate(now);
    this.timeline = new Timeline(now);
  }

  static async create(svc: Services): Promise<DemoWorld> {
    const now = svc.clock.now();
    const users = await svc.db.user.findMany({ include: { roles: true } });
    const units = await svc.db.unit.findMany({ select: { id: true, name: true, shortName: true } });
    // Outbound channels (SMS, e-mail) must not fire for a history that never happened: the seed's notices are written
    // to the in-app notification centre only.
    const quiet: Services = { ...svc, notices: new NoticeDispatcher(svc.db, svc.log, []) };
    return new DemoWorld(
      quiet,
      now,
      new DemoRandom(`tongban-demo:${localDate(now)}`),
      new Map(users.map((u) => [u.username, subjectFromUser(u)])),
      new Map(units.flatMap((u) => [[u.name, u], ...(u.shortName ? [[u.shortName, u] as const] : [])])),
    );
  }

  person(username: string): Subject {
    const subject = this.people.get(username);
    if (!subject) throw new Error(`demo person ${username} is missing: seed the demo organisation first`);
    return subject;
  }

  usernameOf(userId: string): string {
    for (const [username, subject] of this.people) if (subject.id === userId) return username;
    throw new Error(`no demo person with id ${userId}`);
  }

  unit(name: string): { id: string; name: string; shortName: string | null } {
    const unit = this.units.get(name);
    if (!unit) throw new Error(`demo unit ${name} is missing: seed the demo organisation first`);
    return unit;
  }

  /** The context of a request made by this person (or the system) at a simulated instant. */
  ctx(username: string | null, at: Date): RequestContext {
    const actor = username ? { id: this.person(username).id, name: username } : null;
    return { actor, ip: '127.0.0.1', userAgent: DEMO_USER_AGENT, at, auditKey: this.svc.keys.audit };
  }

  /** The working day `offset` working days from today (China's calendar, 调休 included); 0 is today itself. */
  day(offset: number): IsoDate {
    return offset === 0 ? this.today : addWorkingDays(this.today, offset);
  }

  /** "HH:mm" on a date, on Beijing's wall clock. */
  at(date: IsoDate, hm: string): Date {
    return fromLocal(`${date}T${hm}`);
  }

  count(kind: string, n = 1): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + n;
  }

  /** The check a meeting route makes before its command: the seed only acts as someone allowed to. */
  async requireOnMeeting(username: string, meetingId: string, action: Action): Promise<Subject> {
    const subject = this.person(username);
    const row = await this.svc.db.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: meetingFactsSelect(subject.id),
    });
    const resource = meetingResource(row);
    if (!can(subject, 'meeting.view', resource)) throw new Error(`${username} cannot see meeting ${meetingId}`);
    authorize(subject, action, resource);
    return subject;
  }

  /** The check a document route makes before its command. */
  async requireDocument(
    username: string,
    documentId: string,
    needed: Access,
  ): Promise<{ subject: Subject; access: Access; doc: DocumentFacts }> {
    const subject = this.person(username);
    const found = await documentWithAccess(this.svc.db, subject, documentId);
    if (!found) throw new Error(`document ${documentId} not found`);
    authorizeDocument(subject, found.doc, found.access, needed);
    return { subject, access: found.access, doc: found.doc };
  }
}
