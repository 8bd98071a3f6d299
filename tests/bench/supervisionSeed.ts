// Bulk data for the supervision API benchmark: 60 units with people, 100,000 tasks spread over two years with
// co-units, co-owners, progress histories, extensions and reminders — written with prepared SQL in large
// transactions (seconds, not minutes), then the statistics counters rebuilt from the tasks.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { addDays, toEpochDay } from '../../common/calendar/isoDate.ts';
import { chinaMonth, daysLate, endOfChinaDay } from '../../server/domain/supervision/deadlines.ts';

export interface SeedOptions {
  tasks: number;
  units: number;
  now: Date;
  /** Deterministic data: the same seed gives the same tasks. */
  seed?: number;
}

export interface Seeded {
  unitIds: string[];
  /** One staff member per unit, for the my-unit list. */
  staffUsernames: string[];
  tasks: number;
  events: number;
}

const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');
const DAY = 86_400_000;

/** A small, fast, seedable PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  '推进老旧小区改造',
  '完善应急物资储备',
  '优化营商环境专项行动',
  '重点项目开工建设',
  '生态环境问题整改',
  '民生实事项目推进',
  '安全生产隐患排查',
  '财政资金绩效评价',
  '数字政府建设',
  '河道综合治理',
];

export function seedSupervision(dbFile: string, options: SeedOptions): Seeded {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const random = rng(options.seed ?? 20261121);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = options.now;
  const at = iso(now);

  const root = db.prepare('SELECT id FROM Unit WHERE parentId IS NULL LIMIT 1').get() as { id: string };
  const template = db.prepare("SELECT passwordHash FROM User WHERE username = 'zhangwei'").get() as {
    passwordHash: string;
  };
  const supervisors = (
    db
      .prepare("SELECT u.id FROM User u JOIN UserRole r ON r.userId = u.id WHERE r.role = 'supervisor'")
      .all() as Array<{ id: string }>
  ).map((r) => r.id);

  // Units: the demo's plus enough new bureaus, each with a leader, a clerk and four staff.
  const existing = (db.prepare('SELECT id FROM Unit').all() as Array<{ id: string }>).map((u) => u.id);
  const insertUnit = db.prepare(
    'INSERT INTO Unit (id, name, parentId, sortOrder, aliases, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertUser =
    db.prepare(`INSERT INTO User (id, username, displayName, unitId, title, clearance, locale, passwordHash, passwordChangedAt, mustChangePassword, failedAttempts, disabled, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, 1, 'zh-CN', ?, ?, 0, 0, 0, ?, ?)`);
  const insertRole = db.prepare('INSERT INTO UserRole (userId, role) VALUES (?, ?)');
  const unitIds = [...existing];
  const staffByUnit = new Map<string, string[]>();
  const staffUsernames: string[] = [];
  db.transaction(() => {
    for (let i = existing.length; i < options.units; i++) {
      const id = randomUUID();
      insertUnit.run(id, `基准测试单位${String(i).padStart(2, '0')}`, root.id, 100 + i, '[]', at, at);
      unitIds.push(id);
    }
    for (const [i, unitId] of unitIds.entries()) {
      const people: Array<[string, string]> = [
        [`bench${i}lead`, 'leader'],
        [`bench${i}clerk`, 'clerk'],
        ...[0, 1, 2, 3].map((k): [string, string] => [`bench${i}s${k}`, 'staff']),
      ];
      const staff: string[] = [];
      for (const [username, role] of people) {
        const id = randomUUID();
        insertUser.run(id, username, username, unitId, role, template.passwordHash, at, at, at);
        insertRole.run(id, role);
        if (role === 'staff') staff.push(id);
      }
      staffByUnit.set(unitId, staff);
      staffUsernames.push(`bench${i}s0`);
    }
  })();

  const insertTask =
    db.prepare(`INSERT INTO SupervisionTask (id, year, serial, title, basisType, basisText, leadUnitId, ownerId, supervisorId, createdById, requirement, priority,
    classification, status, progress, dueDate, originalDueDate, returnCount, deadlineAt, deadlineDay, lateDays, month, signedAt, submittedAt, completedAt, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertCoUnit = db.prepare(
    'INSERT INTO SupervisionTaskUnit (taskId, unitId, signedAt, status, deadlineAt, classification) VALUES (?, ?, ?, ?, ?, 1)',
  );
  const insertCoOwner = db.prepare('INSERT INTO SupervisionCoOwner (taskId, userId, unitId) VALUES (?, ?, ?)');
  const insertEvent = db.prepare(
    'INSERT INTO SupervisionEvent (id, taskId, at, actorId, kind, text, percent, unitId, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertReminder = db.prepare(
    'INSERT INTO SupervisionReminder (taskId, kind, date, sentAt, recipients) VALUES (?, ?, ?, ?, ?)',
  );
  const serials = new Map<number, number>();
  let events = 0;
  const BATCH = 5_000;
  const spanMs = 730 * DAY;

  for (let start = 0; start < options.tasks; start += BATCH) {
    db.transaction(() => {
      for (let n = start; n < Math.min(options.tasks, start + BATCH); n++) {
        const id = randomUUID();
        const createdAt = new Date(now.getTime() - Math.floor(random() * spanMs));
        const created = createdAt.toISOString().slice(0, 10);
        const dueDate = addDays(created, 7 + Math.floor(random() * 60));
        const deadlineAt = endOfChinaDay(dueDate);
        const leadUnitId = pick(unitIds);
        const staff = staffByUnit.get(leadUnitId)!;
        const ownerId = pick(staff);
        const supervisorId = pick(supervisors);
        const year = createdAt.getUTCFullYear();
        const serial = (serials.get(year) ?? 0) + 1;
        serials.set(year, serial);
        const past = deadlineAt.getTime() < now.getTime();
        const r = random();
        let status: string;
        let completedAt: Date | null = null;
        let submittedAt: Date | null = null;
        let lateDays = 0;
        if (past) {
          // Most past-due work is done, mostly on time; a few percent is still open (overdue) or awaiting acceptance.
          if (r < 0.88) {
            status = 'completed';
            const late =
              random() < 0.82 ? -Math.floor(random() * 5 * DAY) : Math.floor(random() * 10 * DAY) + 3_600_000;
            submittedAt = new Date(Math.min(now.getTime() - DAY, deadlineAt.getTime() + late));
            completedAt = new Date(Math.min(now.getTime(), submittedAt.getTime() + DAY));
            lateDays = daysLate(deadlineAt, submittedAt);
          } else if (r < 0.93) {
            status = 'pending_acceptance';
            submittedAt = new Date(now.getTime() - Math.floor(random() * 3 * DAY));
            lateDays = daysLate(deadlineAt, submittedAt);
          } else status = pick(['in_progress', 'in_progress', 'pending_sign', 'extension_requested']);
        } else
          status =
            r < 0.15
              ? 'pending_sign'
              : r < 0.9
                ? 'in_progress'
                : r < 0.95
                  ? 'extension_requested'
                  : 'pending_acceptance';
        if (status === 'pending_acceptance' && !submittedAt) submittedAt = new Date(now.getTime() - DAY);
        const signed = status === 'pending_sign' ? null : iso(new Date(createdAt.getTime() + DAY));
        const progress = status === 'completed' ? 100 : status === 'pending_sign' ? 0 : Math.floor(random() * 10) * 10;
        const updatedAt = completedAt ?? submittedAt ?? createdAt;
        insertTask.run(
          id,
          year,
          serial,
          `${pick(TITLES)}（${n}）`,
          pick(['meeting_decision', 'leader_instruction', 'upper_document', 'other']),
          '依据',
          leadUnitId,
          status === 'pending_sign' ? null : ownerId,
          supervisorId,
          supervisorId,
          '按要求办结并报送成效',
          pick(['normal', 'normal', 'urgent', 'critical']),
          status,
          progress,
          dueDate,
          dueDate,
          0,
          iso(deadlineAt),
          toEpochDay(dueDate),
          lateDays,
          chinaMonth(createdAt),
          signed,
          submittedAt ? iso(submittedAt) : null,
          completedAt ? iso(completedAt) : null,
          iso(createdAt),
          iso(updatedAt),
        );
        const coCount = Math.floor(random() * 3);
        const coUnits = new Set<string>();
        for (let c = 0; c < coCount; c++) {
          const unit = pick(unitIds);
          if (unit === leadUnitId || coUnits.has(unit)) continue;
          coUnits.add(unit);
          insertCoUnit.run(id, unit, signed, status, iso(deadlineAt));
          if (random() < 0.5) insertCoOwner.run(id, pick(staffByUnit.get(unit)!), unit);
        }
        insertEvent.run(randomUUID(), id, iso(createdAt), supervisorId, 'created', '按要求办结', null, null, '{}');
        events++;
        const reports = status === 'pending_sign' ? 0 : 1 + Math.floor(random() * 4);
        for (let k = 1; k <= reports; k++) {
          const when = new Date(createdAt.getTime() + k * DAY);
          insertEvent.run(
            randomUUID(),
            id,
            iso(when),
            ownerId,
            'progress',
            `第${k}次进展报送`,
            Math.min(100, k * 25),
            leadUnitId,
            '{}',
          );
          events++;
        }
        if (past && status !== 'completed' && status !== 'pending_acceptance')
          insertReminder.run(id, 'due_1', addDays(dueDate, -1), iso(deadlineAt), 1);
      }
    })();
  }
  db.close();
  return { unitIds, staffUsernames, tasks: options.tasks, events };
}
