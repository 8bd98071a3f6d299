import { describe, expect, it } from 'vitest';
import type { Subject } from '../auth/subject.ts';
import {
  assigningUnit,
  authorizeTaskAction,
  canCreateTask,
  canViewTask,
  maySeeAttachment,
  overseenUnits,
  taskRoles,
  taskVisibility,
  type TaskFacts,
} from './supervision.ts';

const person = (id: string, unitId: string, roles: Subject['roles'], clearance = 1): Subject => ({
  id,
  username: id,
  displayName: id,
  unitId,
  clearance,
  adminRole: null,
  roles,
});
const UNITS = [
  { id: 'GOV', parentId: null },
  { id: 'DC', parentId: 'GOV' },
  { id: 'LEAD', parentId: 'GOV' },
  { id: 'CO', parentId: 'GOV' },
  { id: 'OTHER', parentId: 'GOV' },
];
const task: TaskFacts = {
  id: 'TASK',
  status: 'in_progress',
  classification: 1,
  leadUnitId: 'LEAD',
  coUnitIds: ['CO'],
  coordinationUnitIds: [],
  ownerId: 'owner',
  coOwnerIds: ['coowner'],
  supervisorId: 'sup',
  supervisorUnitId: 'DC',
  createdById: 'sup',
  instructedById: 'mayor',
};
const people = {
  sup: person('sup', 'DC', ['supervisor'], 2),
  sup2: person('sup2', 'DC', ['supervisor', 'staff']),
  leadClerk: person('leadClerk', 'LEAD', ['clerk']),
  leadHead: person('leadHead', 'LEAD', ['leader'], 2),
  owner: person('owner', 'LEAD', ['staff']),
  leadStaff: person('leadStaff', 'LEAD', ['staff']),
  coowner: person('coowner', 'CO', ['staff']),
  coHead: person('coHead', 'CO', ['leader'], 2),
  coStaff: person('coStaff', 'CO', ['staff']),
  mayor: person('mayor', 'GOV', ['leader'], 3),
  otherHead: person('otherHead', 'OTHER', ['leader'], 2),
  stranger: person('stranger', 'OTHER', ['staff']),
  admin: { ...person('admin', 'DC', []), adminRole: 'system' as const },
};
const oversight = (s: Subject) => overseenUnits(s, UNITS);
const roles = (s: Subject, t: TaskFacts = task) => taskRoles(s, t, oversight(s));

describe('taskRoles', () => {
  it.each<[keyof typeof people, string[]]>([
    ['sup', ['supervisor', 'leader_viewer']],
    ['sup2', ['supervisor']],
    ['leadClerk', ['lead_handler']],
    ['leadHead', ['lead_handler', 'leader_viewer']],
    ['owner', ['lead_member', 'owner']],
    ['leadStaff', ['lead_member']],
    ['coowner', ['co_owner', 'co_member']],
    ['coHead', ['co_handler', 'leader_viewer']],
    ['coStaff', ['co_member']],
    ['mayor', ['leader_viewer']],
    ['otherHead', []],
    ['stranger', []],
    ['admin', []],
  ])('%s plays %j', (who, expected) => {
    expect(roles(people[who])).toEqual(expected);
  });

  it('lets the heads of a unit asked to help (协调) read the task, and only read it', () => {
    const asked = { ...task, coordinationUnitIds: ['OTHER'] };
    expect(roles(people.otherHead, asked)).toEqual(['coordinating_handler']);
    expect(roles(people.stranger, asked)).toEqual([]);
    expect(canViewTask(people.otherHead, asked, oversight(people.otherHead))).toBe(true);
    expect(roles(people.otherHead, { ...asked, classification: 3 })).toEqual([]);
    for (const action of ['report_progress', 'submit', 'assign', 'request_coordination'] as const) {
      expect(() => authorizeTaskAction(people.otherHead, asked, action, oversight(people.otherHead))).toThrow(
        expect.objectContaining({ code: 'task_forbidden' }),
      );
    }
  });

  it('gives nobody a part in a task above their clearance', () => {
    expect(roles(people.owner, { ...task, classification: 2 })).toEqual([]);
    expect(canViewTask(people.sup2, { ...task, classification: 2 }, oversight(people.sup2))).toBe(false);
  });
});

describe('who may do what', () => {
  const attempt = (
    who: keyof typeof people,
    action: Parameters<typeof authorizeTaskAction>[2],
    status = task.status,
  ) => {
    try {
      return authorizeTaskAction(people[who], { ...task, status }, action, oversight(people[who]));
    } catch (err) {
      return (err as { code: string }).code;
    }
  };
  it('lets only the lead unit submit; a co-unit may not', () => {
    expect(attempt('owner', 'submit')).toBe('pending_acceptance');
    expect(attempt('leadClerk', 'submit')).toBe('pending_acceptance');
    expect(attempt('coHead', 'submit')).toBe('task_forbidden');
    expect(attempt('coowner', 'submit')).toBe('task_forbidden');
    expect(attempt('leadStaff', 'submit')).toBe('task_forbidden');
  });
  it('lets the supervisor accept only what was submitted', () => {
    expect(attempt('sup', 'accept')).toBe('invalid_transition');
    expect(attempt('sup', 'accept', 'pending_acceptance')).toBe('completed');
    expect(attempt('sup2', 'return', 'pending_acceptance')).toBe('in_progress');
    expect(attempt('owner', 'accept', 'pending_acceptance')).toBe('task_forbidden');
  });
  it('hides tasks from those without a part, and freezes archived ones', () => {
    expect(attempt('stranger', 'report_progress')).toBe('not_found');
    expect(attempt('owner', 'report_progress', 'completed')).toBe('task_archived');
  });
  it('lets co-unit people report their part', () => {
    expect(attempt('coStaff', 'report_progress')).toBe('in_progress');
    expect(attempt('coowner', 'report_progress')).toBe('in_progress');
  });
});

describe('creation, assignment and lists', () => {
  it('lets supervisors create on any basis and leaders from their instructions', () => {
    expect(canCreateTask(people.sup, 'meeting_decision')).toBe(true);
    expect(canCreateTask(people.mayor, 'leader_instruction')).toBe(true);
    expect(canCreateTask(people.mayor, 'upper_document')).toBe(false);
    expect(canCreateTask(people.owner, 'leader_instruction')).toBe(false);
    expect(canCreateTask(people.admin, 'other')).toBe(false);
  });
  it('hands work down only within one’s own unit', () => {
    expect(assigningUnit(people.leadHead, task)).toEqual({ unitId: 'LEAD', lead: true });
    expect(assigningUnit(people.coHead, task)).toEqual({ unitId: 'CO', lead: false });
    expect(assigningUnit(people.owner, task)).toBeNull();
    expect(assigningUnit(people.mayor, task)).toBeNull();
  });
  it('describes list visibility', () => {
    expect(taskVisibility(people.sup, oversight(people.sup)).all).toBe(true);
    expect(taskVisibility(people.mayor, oversight(people.mayor)).unitIds.sort()).toEqual([
      'CO',
      'DC',
      'GOV',
      'LEAD',
      'OTHER',
    ]);
    expect(taskVisibility(people.owner, oversight(people.owner)).unitIds).toEqual(['LEAD']);
    expect(taskVisibility(people.admin, oversight(people.admin)).none).toBe(true);
  });
});

describe('attachments', () => {
  it('shows an attachment not yet submitted only to its uploader, and a submitted one to all who see the task', () => {
    expect(maySeeAttachment(people.owner, { eventId: null, uploadedById: 'owner' })).toBe(true);
    expect(maySeeAttachment(people.sup, { eventId: null, uploadedById: 'owner' })).toBe(false);
    expect(maySeeAttachment(people.sup, { eventId: 'event-1', uploadedById: 'owner' })).toBe(true);
  });
});
