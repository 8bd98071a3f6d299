// Which panels the home page shows for a person's business roles, in order: their own work first (my 待办, or for a
// leader the 公文 to review and sign off), then the office's (the unit's 收文 to sign for, its 公文 in transit and
// overdue steps), then supervision (the desk's overdue and due-soon tasks, or a leader's overview); today's schedule
// sits beside them. A person with several roles sees the union, each panel once.
import type { RoleName } from '../../api/types.ts';

export type MainPanel = 'myTodo' | 'signOff' | 'unitInbox' | 'office' | 'taskDeadlines' | 'supervisionOverview';

export interface HomePanels {
  main: MainPanel[];
  /** Today's meetings; for a leader with the day's deadlines as well (今日日程). */
  today: 'meetings' | 'schedule' | null;
}

export function homePanels(roles: readonly string[]): HomePanels {
  const has = (r: RoleName): boolean => roles.includes(r);
  const business = has('staff') || has('clerk') || has('leader') || has('supervisor');
  if (!business) return { main: [], today: null };
  const main: MainPanel[] = [];
  // A leader's 待办 is mostly 公文 to review and sign; anyone who also does staff or office work sees every kind.
  if (has('staff') || has('clerk') || !has('leader')) main.push('myTodo');
  else main.push('signOff');
  if (has('clerk')) main.push('unitInbox', 'office');
  if (has('supervisor')) main.push('taskDeadlines');
  else if (has('leader')) main.push('supervisionOverview');
  return { main, today: has('leader') ? 'schedule' : 'meetings' };
}
