// The probe suite's world: one test app on a fixed clock with the demo organisation, the people of oracle.ts signed in
// (units A 区政府办 and B 区发改委, every role and clearance, the three administrators), and objects of every kind
// and classification made through the product's API: documents (own, shared with a person, shared with a unit),
// meetings (announced, 秘密, draft, another unit's) with their minutes document, a whiteboard and a material,
// supervision tasks and their attachments (submitted and not). Each object has a unique marked title, so a response
// that carries it can be found by a plain text search.
import type { RequestContext } from '../../server/audit/auditLog.ts';
import { createUser } from '../../server/commands/accounts/userCreator.ts';
import { multipart, pdfBytes } from '../support/meetings.ts';
import { givenTask } from '../support/supervision.ts';
import { createTestApp, DEMO_PASSWORD, signedIn, type TestApp, type TestClient } from '../support/testApp.ts';
import { PEOPLE, UNIT_NAMES, type DocumentFacts, type Facts, type MeetingFacts, type TaskFacts } from './oracle.ts';

/** A Tuesday, a working day; the meetings are two days later (their day-before reminders stay in the future). */
export const PROBE_CLOCK = new Date('2026-03-10T09:00:00+08:00');

export type PrimaryKind = 'document' | 'meeting' | 'joinCode' | 'task' | 'attachment';

export interface WorldObject {
  key: string;
  /** Which kind of path parameter names it (a meeting is also named by its join code). */
  kind: PrimaryKind | 'material';
  id: string;
  facts: Facts;
  /** Texts that only its readers may receive: its title, comment text. */
  secrets: string[];
  /** Real ids for the route's other path parameters (versionId, threadId, materialId, …). */
  subIds: Record<string, string>;
}

export interface World {
  t: TestApp;
  as: Record<string, TestClient>;
  userIds: Record<string, string>;
  unitIds: Record<string, string>;
  objects: WorldObject[];
  /** The passcode of each online meeting, by key. */
  passcodes: Record<string, string>;
}

const mark = (key: string) => `【探针:${key}】`;

async function ok<T>(what: string, res: { statusCode: number; body: string; json(): unknown }, codes = [200, 201]) {
  if (!codes.includes(res.statusCode)) throw new Error(`world: ${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export async function buildWorld(config: Parameters<typeof createTestApp>[0] = {}): Promise<World> {
  const t = await createTestApp({ clockAt: PROBE_CLOCK, ...config });
  const { db } = t.app.svc;
  const unitIds: Record<string, string> = {};
  for (const [key, name] of Object.entries(UNIT_NAMES))
    unitIds[key] = (await db.unit.findFirstOrThrow({ where: { name } })).id;

  const ctx: RequestContext = {
    actor: null,
    ip: '127.0.0.1',
    userAgent: 'tongban-security-probe',
    at: t.clock.now(),
    auditKey: t.app.svc.keys.audit,
  };
  for (const p of PEOPLE.filter((x) => x.extra))
    await createUser(t.app.svc, ctx, {
      username: p.username,
      displayName: p.extra!.displayName,
      title: p.extra!.title,
      unitId: unitIds[p.unit]!,
      password: DEMO_PASSWORD,
      roles: p.roles,
      clearance: p.clearance,
    });

  // The table in oracle.ts must describe the people as the server holds them.
  const userIds: Record<string, string> = {};
  for (const p of PEOPLE) {
    const row = await db.user.findUniqueOrThrow({
      where: { username: p.username },
      select: { id: true, unitId: true, clearance: true },
    });
    if (row.unitId !== unitIds[p.unit] || row.clearance !== p.clearance)
      throw new Error(`world: ${p.username} is not as oracle.ts describes (unit, clearance)`);
    userIds[p.username] = row.id;
  }
  const as: Record<string, TestClient> = {};
  for (const p of PEOPLE) as[p.username] = await signedIn(t, p.username);

  const objects: WorldObject[] = [];
  const add = (o: Omit<WorldObject, 'subIds'> & { subIds?: Record<string, string> }) => {
    const full = { subIds: {}, ...o };
    objects.push(full);
    return full;
  };

  // Documents: per unit and classification, shared with a person and with a unit.
  const LEVEL = ['public', 'internal', 'secret', 'confidential'] as const;
  const docs: Array<[string, string, number, Partial<DocumentFacts>]> = [
    ['docA0', 'zhaojing', 0, {}],
    ['docA1', 'zhaojing', 1, {}],
    ['docA2', 'zhaojing', 2, {}],
    ['docA2toLihua', 'zhaojing', 2, { sharedWithUsers: ['lihua'] }],
    ['docA1toB', 'zhaojing', 1, { sharedWithUnits: ['ndrc'] }],
    ['docB1', 'lihua', 1, {}],
    ['docB2', 'lihua', 2, {}],
    ['docG3', 'chenming', 3, {}],
  ];
  for (const [key, owner, level, share] of docs) {
    const client = as[owner]!;
    const doc = await ok<{ id: string }>(
      key,
      await client.post('/api/documents', { kind: 'draft', title: mark(key), classification: LEVEL[level] }),
    );
    const facts: DocumentFacts = {
      unit: PEOPLE.find((p) => p.username === owner)!.unit,
      owner,
      classification: level,
      sharedWithUsers: share.sharedWithUsers ?? [],
      sharedWithUnits: share.sharedWithUnits ?? [],
    };
    const shares = [
      ...facts.sharedWithUsers.map((u) => ({ granteeType: 'user', granteeId: userIds[u], access: 'view' })),
      ...facts.sharedWithUnits.map((u) => ({ granteeType: 'unit', granteeId: unitIds[u], access: 'view' })),
    ];
    if (shares.length > 0) await ok(`${key} shares`, await client.put(`/api/documents/${doc.id}/shares`, { shares }));
    const comment = `【探针评论:${key}】`;
    const thread = await ok<{ id: string }>(
      `${key} thread`,
      await client.post(`/api/documents/${doc.id}/threads`, { body: comment }),
    );
    const version = await ok<{ id: string }>(
      `${key} version`,
      await client.post(`/api/documents/${doc.id}/versions`, { name: `v-${key}` }),
    );
    add({
      key,
      kind: 'document',
      id: doc.id,
      facts: { kind: 'document', doc: facts },
      secrets: [mark(key), comment],
      subIds: { threadId: thread.id, versionId: version.id },
    });
  }

  // Meetings tomorrow, online so that each has a join code and a passcode.
  const passcodes: Record<string, string> = {};
  const meetings: Array<[string, MeetingFacts]> = [
    [
      'mtgA1',
      {
        unit: 'office',
        createdBy: 'zhaojing',
        host: 'wanglei',
        minuteTaker: 'sunyue',
        seated: ['lihua', 'zhangwei'],
        classification: 1,
        draft: false,
      },
    ],
    [
      'mtgA2',
      {
        unit: 'office',
        createdBy: 'zhaojing',
        host: 'chenming',
        minuteTaker: 'zhaojing',
        seated: ['lihua'],
        classification: 2,
        draft: false,
      },
    ],
    [
      'mtgAdraft',
      {
        unit: 'office',
        createdBy: 'zhaojing',
        host: null,
        minuteTaker: null,
        seated: ['zhangwei'],
        classification: 1,
        draft: true,
      },
    ],
    [
      'mtgB1',
      {
        unit: 'ndrc',
        createdBy: 'lihua',
        host: 'lihua',
        minuteTaker: null,
        seated: ['zhangwei'],
        classification: 1,
        draft: false,
      },
    ],
  ];
  let hour = 9;
  for (const [key, m] of meetings) {
    const start = `2026-03-12T${String(hour).padStart(2, '0')}:00:00+08:00`;
    const end = `2026-03-12T${String(hour).padStart(2, '0')}:50:00+08:00`;
    hour += 1;
    const created = await ok<{ id: string; passcode: string | null }>(
      key,
      await as[m.createdBy]!.post('/api/meetings', {
        title: mark(key),
        type: 'zhuanti',
        description: `【探针说明:${key}】`,
        hostId: m.host ? userIds[m.host] : null,
        minuteTakerId: m.minuteTaker ? userIds[m.minuteTaker] : null,
        startAt: start,
        endAt: end,
        mode: 'online',
        classification: LEVEL[m.classification],
        participants: { users: m.seated.map((u) => ({ userId: userIds[u] })), units: [] },
        schedule: !m.draft,
      }),
    );
    const row = await db.meeting.findUniqueOrThrow({ where: { id: created.id }, select: { joinCode: true } });
    if (created.passcode) passcodes[key] = created.passcode;
    const meeting = add({
      key,
      kind: 'meeting',
      id: created.id,
      facts: { kind: 'meeting', meeting: m },
      secrets: [mark(key), `【探针说明:${key}】`],
      subIds: { userId: userIds[m.seated[0]!]! },
    });
    if (row.joinCode)
      add({ key: `${key}:code`, kind: 'joinCode', id: row.joinCode, facts: meeting.facts, secrets: [] });
  }
  const mtgA1 = objects.find((o) => o.key === 'mtgA1')!;
  const mtgA1Facts = (mtgA1.facts as { meeting: MeetingFacts }).meeting;

  // The minutes document of mtgA1 (its minute-taker opens it), a whiteboard and a material.
  const minutes = await ok<{ documentId: string }>(
    'minutes',
    await as.sunyue!.post(`/api/meetings/${mtgA1.id}/minutes`),
  );
  await db.document.update({ where: { id: minutes.documentId }, data: { title: mark('minA1') } });
  add({
    key: 'minA1',
    kind: 'document',
    id: minutes.documentId,
    facts: { kind: 'meetingDocument', meeting: mtgA1Facts, classification: 1 },
    secrets: [mark('minA1')],
  });
  const board = await ok<{ documentId: string }>(
    'whiteboard',
    await as.zhaojing!.post(`/api/meetings/${mtgA1.id}/whiteboards`, { title: mark('wbA1') }),
  );
  add({
    key: 'wbA1',
    kind: 'document',
    id: board.documentId,
    facts: { kind: 'meetingDocument', meeting: mtgA1Facts, classification: 1 },
    secrets: [mark('wbA1')],
  });
  mtgA1.subIds.documentId = board.documentId;
  const upload = multipart('probe-matA1.pdf', 'application/pdf', pdfBytes('probe'));
  const material = await ok<{ id: string }>(
    'material',
    await as.zhaojing!.request(
      'POST',
      `/api/meetings/${mtgA1.id}/materials?title=${encodeURIComponent(mark('matA1'))}`,
      upload.payload,
      upload.headers,
    ),
  );
  mtgA1.subIds.materialId = material.id;
  add({
    key: 'matA1',
    kind: 'material',
    id: material.id,
    facts: { kind: 'meetingDocument', meeting: mtgA1Facts, classification: 1 },
    secrets: [mark('matA1')],
  });

  // Supervision tasks raised by the supervisor: unit A 内部, unit B 秘密.
  const tasks: Array<[string, TaskFacts]> = [
    ['taskA1', { leadUnit: 'office', coUnits: [], owner: null, createdBy: 'zhouqiang', classification: 1 }],
    ['taskB2', { leadUnit: 'ndrc', coUnits: [], owner: null, createdBy: 'zhouqiang', classification: 2 }],
  ];
  for (const [key, task] of tasks) {
    const id = await givenTask(as[task.createdBy]!, {
      title: mark(key),
      basisType: 'other',
      basisText: '探针依据',
      leadUnitId: unitIds[task.leadUnit],
      coUnitIds: task.coUnits.map((u) => unitIds[u]),
      requirement: `【探针要求:${key}】`,
      dueDate: '2026-04-30',
      classification: LEVEL[task.classification],
    });
    add({ key, kind: 'task', id, facts: { kind: 'task', task }, secrets: [mark(key), `【探针要求:${key}】`] });
  }

  // Attachments to taskA1: one submitted with a progress report, one uploaded and not yet submitted.
  const taskA1 = objects.find((o) => o.key === 'taskA1')!;
  const taskA1Facts = (taskA1.facts as { task: TaskFacts }).task;
  await ok('sign taskA1', await as.sunyue!.post(`/api/supervision/tasks/${taskA1.id}/sign`, { note: '' }));
  const attach = async (key: string) => {
    const body = multipart(`probe-${key}.pdf`, 'application/pdf', pdfBytes(key));
    return ok<{ id: string }>(
      key,
      await as.sunyue!.request('POST', `/api/supervision/tasks/${taskA1.id}/attachments`, body.payload, body.headers),
    );
  };
  const submitted = await attach('attA1sub');
  const draft = await attach('attA1draft');
  await ok(
    'progress taskA1',
    await as.sunyue!.post(`/api/supervision/tasks/${taskA1.id}/progress`, {
      text: '【探针进展:taskA1】',
      percent: 30,
      attachmentIds: [submitted.id],
    }),
  );
  taskA1.secrets.push('【探针进展:taskA1】');
  add({
    key: 'attA1sub',
    kind: 'attachment',
    id: submitted.id,
    facts: { kind: 'attachment', task: taskA1Facts, uploadedBy: 'sunyue', submitted: true },
    secrets: ['probe-attA1sub.pdf'],
  });
  add({
    key: 'attA1draft',
    kind: 'attachment',
    id: draft.id,
    facts: { kind: 'attachment', task: taskA1Facts, uploadedBy: 'sunyue', submitted: false },
    secrets: ['probe-attA1draft.pdf'],
  });

  // The probe compares the state before and after requests: reminders and deadline warnings must not change it meanwhile.
  await t.app.jobs.meetingReminders.stop();
  await t.app.jobs.supervisionWarnings.stop();
  return { t, as, userIds, unitIds, objects, passcodes };
}
