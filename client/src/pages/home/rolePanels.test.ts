import { describe, expect, it } from 'vitest';
import type { RoleName } from '../../api/types.ts';
import { homePanels } from './rolePanels.ts';

describe('homePanels', () => {
  it.each<[RoleName[], string, string | null]>([
    [['staff'], 'myTodo', 'meetings'],
    [['clerk'], 'myTodo unitInbox office', 'meetings'],
    [['leader'], 'signOff supervisionOverview', 'schedule'],
    [['supervisor'], 'myTodo taskDeadlines', 'meetings'],
    [['leader', 'clerk'], 'myTodo unitInbox office supervisionOverview', 'schedule'],
    [['clerk', 'staff'], 'myTodo unitInbox office', 'meetings'],
    [['supervisor', 'staff'], 'myTodo taskDeadlines', 'meetings'],
    [['leader', 'supervisor'], 'signOff taskDeadlines', 'schedule'],
    [['system_admin'], '', null],
    [['audit_admin'], '', null],
  ])('%j: %s, today %s', (roles, main, today) => {
    const panels = homePanels(roles);
    expect(panels.main.join(' ')).toBe(main);
    expect(panels.today).toBe(today);
  });
});
