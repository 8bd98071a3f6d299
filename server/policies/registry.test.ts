import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import { Concealed, type AppError } from '../errors.ts';
import type { DocumentFacts } from './access.ts';
import {
  ACTIONS,
  authorize,
  can,
  capabilities,
  classificationResource,
  documentResource,
  documentVisibility,
  mayReceive,
  meetingVisibility,
  proposalVisibility,
  taskResource,
  taskVisibility,
  type Action,
  type Resource,
} from './index.ts';
import type { MeetingResource } from './meetings.ts';
import {
  business,
  clearedFor,
  handlesForUnit,
  isAdministrator,
  isClerk,
  isLeader,
  isSupervisor,
} from './predicates.ts';
import { authorizeStatisticsUnit, overseenUnits, supervisionCapabilities, type TaskFacts } from './supervision.ts';

const base: Subject = {
  id: 'x',
  username: 'x',
  displayName: 'X',
  unitId: 'A',
  clearance: 1,
  adminRole: null,
  roles: ['staff'],
};
const who = {
  staff: { ...base, id: 'staff' },
  clerk: { ...base, id: 'clerk', roles: ['clerk'] },
  leader: { ...base, id: 'leader', roles: ['leader'], clearance: 2 },
  supervisor: { ...base, id: 'sup', unitId: 'DC', roles: ['supervisor'], clearance: 2 },
  clerkLeader: { ...base, id: 'cl', roles: ['clerk', 'leader'] },
  system: { ...base, id: 'sys', adminRole: 'system', roles: [], clearance: 3 },
  security: { ...base, id: 'secadm', adminRole: 'security', roles: [], clearance: 3 },
  audit: { ...base, id: 'audadm', adminRole: 'audit', roles: [], clearance: 3 },
} satisfies Record<string, Subject>;
type Who = keyof typeof who;

const refusal = (fn: () => void): { status: number; code: string } | null => {
  try {
    fn();
    return null;
  } catch (err) {
    const e = err as AppError;
    return { status: e.statusCode, code: e.code };
  }
};

describe('shared predicates', () => {
  // business, administrator, leader, supervisor, clerk, handles for unit
  it.each<[Who, string]>([
    ['staff', 'ynnnnn'],
    ['clerk', 'ynnnyy'],
    ['leader', 'ynynny'],
    ['supervisor', 'ynnynn'],
    ['clerkLeader', 'ynynyy'],
    ['system', 'nynnnn'],
    ['security', 'nynnnn'],
    ['audit', 'nynnnn'],
  ])('%s', (name, expected) => {
    const s = who[name];
    const got = [business, isAdministrator, isLeader, isSupervisor, isClerk, handlesForUnit]
      .map((p) => (p(s) ? 'y' : 'n'))
      .join('');
    expect(got).toBe(expected);
  });

  it.each<[number, number, boolean]>([
    [0, 0, true],
    [1, 0, true],
    [1, 1, true],
    [1, 2, false],
    [3, 3, true],
    [2, 3, false],
  ])('clearance %i is cleared for classification %i: %s', (clearance, classification, expected) => {
    expect(clearedFor({ clearance }, classification)).toBe(expected);
  });

  it('holds a role only as a business user (an administrator row with a stray role holds none)', () => {
    expect(isLeader({ adminRole: 'system', roles: ['leader'] })).toBe(false);
  });
});

describe('the registry', () => {
  it('lists every area in capabilities()', () => {
    for (const area of [
      'user.',
      'unit.',
      'audit.',
      'classification.',
      'document.',
      'meeting.',
      'room.',
      'minutes.',
      'proposal.',
      'annotation.',
      'task.',
      'supervision.',
    ]) {
      expect(
        ACTIONS.some((a) => a.startsWith(area)),
        area,
      ).toBe(true);
    }
    expect(ACTIONS).toEqual(
      expect.arrayContaining(['task.sign', 'task.accept', 'task.return', 'document.workflow', 'meeting.export']),
    );
  });

  it.each<[Who, Action[], Action[]]>([
    [
      'staff',
      [
        'workspace.use',
        'document.create',
        'meeting.arrange',
        'minutes.extract',
        'supervision.statistics',
        'supervision.directory',
      ],
      ['meeting.create', 'task.create', 'supervision.desk', 'admin.console'],
    ],
    ['clerk', ['document.create', 'meeting.create', 'room.manage'], ['task.create', 'supervision.dashboard']],
    [
      'leader',
      ['meeting.create', 'task.create', 'supervision.dashboard'],
      ['task.createAnyBasis', 'supervision.desk', 'proposal.review'],
    ],
    [
      'supervisor',
      [
        'task.create',
        'task.createAnyBasis',
        'supervision.desk',
        'supervision.dashboard',
        'supervision.statistics.allUnits',
        'proposal.review',
      ],
      ['meeting.create'],
    ],
    [
      'system',
      ['admin.console', 'user.create', 'unit.create'],
      [
        'document.create',
        'meeting.arrange',
        'minutes.extract',
        'task.create',
        'supervision.statistics',
        'supervision.directory',
        'room.list',
        'workspace.use',
      ],
    ],
    ['security', ['user.assignRoles', 'user.setClearance'], ['user.create', 'document.create', 'workspace.use']],
    ['audit', ['audit.read', 'audit.verify'], ['user.create', 'document.create', 'workspace.use']],
  ])('%s may %j and not %j', (name, allowed, refused) => {
    const caps = capabilities(who[name]);
    expect(caps).toEqual(expect.arrayContaining(allowed));
    for (const a of refused) expect(caps).not.toContain(a);
  });

  it('keeps the supervision module capabilities in step with the registry', () => {
    for (const s of Object.values(who)) {
      const caps = capabilities(s);
      expect(supervisionCapabilities(s)).toEqual({
        create: caps.includes('task.create'),
        createAnyBasis: caps.includes('task.createAnyBasis'),
        desk: caps.includes('supervision.desk'),
        dashboard: caps.includes('supervision.dashboard'),
        statisticsAllUnits: caps.includes('supervision.statistics.allUnits'),
      });
    }
  });
});

const meeting = (over: Partial<MeetingResource> = {}): MeetingResource => ({
  kind: 'meeting',
  id: 'm',
  status: 'scheduled',
  organiserUnitId: 'A',
  classification: 1,
  createdById: 'clerk',
  hostId: null,
  minuteTakerId: null,
  seat: null,
  presenting: false,
  ...over,
});
const doc: DocumentFacts = {
  id: 'd',
  ownerId: 'staff',
  unitId: 'A',
  classification: 1,
  status: 'editing',
  reviewMode: false,
  deletedAt: null,
};
const UNITS = [
  { id: 'GOV', parentId: null },
  { id: 'A', parentId: 'GOV' },
  { id: 'B', parentId: 'GOV' },
  { id: 'DC', parentId: 'GOV' },
];
const task: TaskFacts = {
  id: 'TASK',
  status: 'pending_sign',
  classification: 1,
  leadUnitId: 'A',
  coUnitIds: [],
  coordinationUnitIds: [],
  ownerId: null,
  coOwnerIds: [],
  supervisorId: 'sup',
  supervisorUnitId: 'DC',
  createdById: 'sup',
  instructedById: null,
};
const taskFor = (s: Subject, facts: Partial<TaskFacts> = {}) =>
  taskResource({ ...task, ...facts }, overseenUnits(s, UNITS));

describe('refusals keep their codes', () => {
  it.each<[string, Who, Action, Resource | undefined, { status: number; code: string } | null]>([
    [
      'classification above clearance',
      'staff',
      'classification.assign',
      classificationResource(2),
      { status: 403, code: 'clearance' },
    ],
    ['classification within clearance', 'staff', 'classification.assign', classificationResource(1), null],
    [
      'an administrator creating a document',
      'system',
      'document.create',
      undefined,
      { status: 403, code: 'admin_no_content' },
    ],
    [
      'an administrator arranging a meeting',
      'security',
      'meeting.arrange',
      undefined,
      { status: 403, code: 'admin_no_content' },
    ],
    ['a staff member arranging a meeting', 'staff', 'meeting.arrange', undefined, null],
    [
      'a staff member starting one from the calendar',
      'staff',
      'meeting.create',
      undefined,
      { status: 403, code: 'forbidden' },
    ],
    [
      'a 秘密 meeting as .ics',
      'leader',
      'meeting.export',
      meeting({ classification: 2 }),
      { status: 403, code: 'classified_export' },
    ],
    ['a 内部 meeting as .ics', 'clerk', 'meeting.export', meeting(), null],
    ['an administrator extracting minutes', 'audit', 'minutes.extract', undefined, { status: 403, code: 'forbidden' }],
    ['a staff member extracting minutes', 'staff', 'minutes.extract', undefined, null],
    [
      'a staff member raising a task',
      'staff',
      'task.create',
      { kind: 'taskBasis', basisType: 'other' },
      { status: 403, code: 'task_forbidden' },
    ],
    [
      'a leader raising a task from a meeting',
      'leader',
      'task.create',
      { kind: 'taskBasis', basisType: 'meeting_decision' },
      { status: 403, code: 'task_forbidden' },
    ],
    [
      'a leader raising a task from an instruction',
      'leader',
      'task.create',
      { kind: 'taskBasis', basisType: 'leader_instruction' },
      null,
    ],
    [
      'a leader recording another leader’s instruction',
      'leader',
      'task.recordInstruction',
      { kind: 'instruction', leaderId: 'mayor' },
      { status: 403, code: 'task_forbidden' },
    ],
    [
      'a leader recording their own instruction',
      'leader',
      'task.recordInstruction',
      { kind: 'instruction', leaderId: 'leader' },
      null,
    ],
    [
      'a supervisor recording anyone’s instruction',
      'supervisor',
      'task.recordInstruction',
      { kind: 'instruction', leaderId: 'mayor' },
      null,
    ],
    [
      'a staff member on the dashboard',
      'staff',
      'supervision.dashboard',
      undefined,
      { status: 403, code: 'forbidden' },
    ],
    [
      'a staff member on the proposals desk',
      'staff',
      'proposal.review',
      undefined,
      { status: 403, code: 'proposal_forbidden' },
    ],
    [
      'a supervisor on a proposal above clearance',
      'supervisor',
      'proposal.review',
      { kind: 'proposal', classification: 3 },
      { status: 404, code: 'not_found' },
    ],
    [
      'a task one may not see',
      'staff',
      'task.view',
      taskFor(who.staff, { leadUnitId: 'B' }),
      { status: 404, code: 'not_found' },
    ],
    [
      'a document one may not open (as if it did not exist)',
      'leader',
      'document.view',
      documentResource({ ...doc, unitId: 'B' }),
      { status: 404, code: 'not_found' },
    ],
    [
      'an edit of a document one may not open (as if it did not exist)',
      'leader',
      'document.edit',
      documentResource({ ...doc, unitId: 'B' }),
      { status: 404, code: 'not_found' },
    ],
    [
      'an edit of a document one only reads',
      'leader',
      'document.edit',
      documentResource(doc),
      { status: 403, code: 'document_forbidden' },
    ],
    [
      'a workflow step by a non-owner',
      'leader',
      'document.workflow',
      documentResource(doc),
      { status: 403, code: 'document_forbidden' },
    ],
    ['a workflow step by the owner', 'staff', 'document.workflow', documentResource(doc), null],
    [
      'an account action by the wrong administrator',
      'audit',
      'user.create',
      undefined,
      { status: 403, code: 'forbidden' },
    ],
  ])('%s', (_n, name, action, resource, expected) => {
    expect(refusal(() => authorize(who[name], action, resource))).toEqual(expected);
  });

  it('names a hidden object for the audit log by kind, id, action and reason, never by its title', () => {
    const caught = (fn: () => void): unknown => {
      try {
        fn();
      } catch (err) {
        return err;
      }
      return null;
    };
    const hiddenTask = caught(() => authorize(who.staff, 'task.view', taskFor(who.staff, { leadUnitId: 'B' })));
    expect(hiddenTask).toBeInstanceOf(Concealed);
    expect((hiddenTask as Concealed).refusal).toEqual({
      resourceType: 'supervision_task',
      resourceId: 'TASK',
      action: 'task.view',
      reason: 'not_involved',
    });
    const secret = documentResource({ ...doc, classification: 2 });
    expect((caught(() => authorize(who.staff, 'document.edit', secret)) as Concealed).refusal).toEqual({
      resourceType: 'document',
      resourceId: 'd',
      action: 'document.edit',
      reason: 'not_cleared',
    });
    expect((caught(() => authorize(who.audit, 'document.view', documentResource(doc))) as Concealed).refusal).toEqual(
      expect.objectContaining({ reason: 'administrator' }),
    );
    // A refusal to someone who may read the object is no secret: a plain 403, not a concealment.
    expect(caught(() => authorize(who.leader, 'document.edit', documentResource(doc)))).not.toBeInstanceOf(Concealed);
  });

  it('refuses statistics of a unit outside the scope', () => {
    expect(refusal(() => authorizeStatisticsUnit({ all: false, unitIds: ['A'] }, 'B'))).toEqual({
      status: 403,
      code: 'statistics_forbidden',
    });
    expect(refusal(() => authorizeStatisticsUnit({ all: false, unitIds: ['A'] }, 'A'))).toBeNull();
    expect(refusal(() => authorizeStatisticsUnit({ all: false, unitIds: ['A'] }, undefined))).toBeNull();
    expect(refusal(() => authorizeStatisticsUnit({ all: true }, 'B'))).toBeNull();
  });
});

describe('document actions', () => {
  // view, comment, suggest, edit, manage, workflow
  it.each<[string, Who, Partial<DocumentFacts>, string]>([
    ['the owner', 'staff', {}, 'yyyyyy'],
    ['a colleague of the unit', 'clerk', {}, 'ynnnnn'],
    ['a leader of the unit comments', 'leader', {}, 'yynnnn'],
    [
      'the owner of a finalised document only reads, and still moves its workflow',
      'staff',
      { status: 'finalised' },
      'ynnnny',
    ],
    ['someone of another unit', 'supervisor', {}, 'nnnnnn'],
    ['an administrator of the unit', 'system', {}, 'nnnnnn'],
    ['the owner above their clearance', 'staff', { classification: 2 }, 'nnnnnn'],
    ['the owner of a deleted document', 'staff', { deletedAt: new Date(0) }, 'nnnnnn'],
  ])('%s', (_n, name, facts, expected) => {
    const actions: Action[] = [
      'document.view',
      'document.comment',
      'document.suggest',
      'document.edit',
      'document.manage',
      'document.workflow',
    ];
    const r = documentResource({ ...doc, ...facts });
    expect(actions.map((a) => (can(who[name], a, r) ? 'y' : 'n')).join('')).toBe(expected);
  });

  it('takes an annotation document’s access from its meeting', () => {
    const layer = documentResource({ ...doc, ownerId: 'clerk', contextType: 'meeting_material' }, [], meeting());
    expect(can(who.clerk, 'document.edit', layer)).toBe(true);
    expect(can(who.staff, 'document.view', layer)).toBe(false);
    expect(can(who.clerk, 'document.view', { ...layer, meeting: null })).toBe(false);
  });
});

describe('supervision actions through the registry', () => {
  it.each<[string, Who, Partial<TaskFacts>, Action, boolean]>([
    ['the lead unit’s clerk signs', 'clerk', {}, 'task.sign', true],
    ['a staff member of the lead unit does not sign', 'staff', {}, 'task.sign', false],
    ['the supervisor does not sign', 'supervisor', {}, 'task.sign', false],
    ['nobody accepts a task that was never submitted', 'supervisor', {}, 'task.accept', false],
    ['the supervisor accepts a submitted task', 'supervisor', { status: 'pending_acceptance' }, 'task.accept', true],
    ['nobody sees a task above their clearance', 'clerk', { classification: 2 }, 'task.view', false],
    ['the supervisor’s desk sees every task cleared for', 'supervisor', { leadUnitId: 'B' }, 'task.view', true],
    ['an administrator sees no task', 'system', {}, 'task.view', false],
  ])('%s', (_n, name, facts, action, expected) => {
    expect(can(who[name], action, taskFor(who[name], facts))).toBe(expected);
  });
});

describe('visibility filters', () => {
  it.each<[Who, boolean, boolean]>([
    ['staff', false, false],
    ['clerk', false, true],
    ['leader', false, false],
    ['system', true, false],
  ])('meetings for %s: none=%s, organises the unit=%s', (name, none, organisesUnit) => {
    const s = who[name];
    expect(meetingVisibility(s)).toEqual({
      none,
      userId: s.id,
      unitId: s.unitId,
      clearance: s.clearance,
      organisesUnit,
    });
  });

  it.each<[Who, boolean]>([
    ['staff', true],
    ['leader', true],
    ['supervisor', false],
    ['system', true],
  ])('proposals for %s: none=%s', (name, none) => {
    expect(proposalVisibility(who[name])).toEqual({ none, clearance: who[name].clearance });
  });

  it('documents and tasks are hidden from administrators', () => {
    expect(documentVisibility(who.system).none).toBe(true);
    expect(documentVisibility(who.staff).none).toBe(false);
    expect(taskVisibility(who.system, new Set(['A'])).none).toBe(true);
    expect(taskVisibility(who.staff, new Set(['A'])).none).toBe(false);
  });
});

describe('mayReceive', () => {
  it.each<[string, Who, () => Parameters<typeof mayReceive>[1], boolean]>([
    ['a meeting’s organiser hears of it', 'clerk', () => meeting(), true],
    ['a colleague hears of a draft only when announced', 'staff', () => meeting({ status: 'draft' }), false],
    ['nobody above their clearance', 'staff', () => meeting({ classification: 2, seat: { role: 'attendee' } }), false],
    ['no administrator', 'system', () => meeting({ createdById: 'sys' }), false],
    ['a document’s unit', 'clerk', () => documentResource(doc), true],
    ['not another unit’s document', 'supervisor', () => documentResource(doc), false],
    ['a task’s lead unit', 'staff', () => taskFor(who.staff), true],
    ['not another unit’s task', 'staff', () => taskFor(who.staff, { leadUnitId: 'B' }), false],
    ['a proposal, by a supervisor cleared for it', 'supervisor', () => ({ kind: 'proposal', classification: 2 }), true],
    [
      'a proposal above the supervisor’s clearance',
      'supervisor',
      () => ({ kind: 'proposal', classification: 3 }),
      false,
    ],
    ['a proposal, by anyone else', 'leader', () => ({ kind: 'proposal', classification: 0 }), false],
  ])('%s', (_n, name, resource, expected) => {
    expect(mayReceive(who[name], resource())).toBe(expected);
  });
});
