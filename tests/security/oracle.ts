// Who may read what, written from the rules in the README and issue #14, independently of server/policies: the probe
// suite compares the server's answers with this table, so a rule changed by mistake on either side shows up.
//
// - The three administrators (三员分立) read no business content at all.
// - Nobody reads above their clearance (公开 0 < 内部 1 < 秘密 2 < 机密 3).
// - A document: its owner, its unit's members, and the people or units it is shared with.
// - A meeting: its organisers (its creator, the organising unit's clerks), host and minute-taker; once announced, also
//   the people seated at it and the organising unit's members.
// - A meeting's materials, minutes, minutes document and whiteboards: organisers, host, minute-taker and, once
//   announced, the people seated at it (not the rest of the unit).
// - A supervision task: supervisors; members of its lead and co-units; its owner and creator; leaders whose unit is,
//   or is above, the lead or a co-unit.
// - A meeting's join link: also any colleague cleared for the announced meeting (they wait in the lobby).
// - A task's attachment: whoever reads the task once it is submitted with a report; before that, its uploader only.

export type AdminRole = 'system' | 'security' | 'audit';
export type Role = 'clerk' | 'leader' | 'staff' | 'supervisor';

export interface Person {
  username: string;
  unit: string;
  roles: Role[];
  clearance: number;
  admin?: AdminRole;
  /** Created for the probe (the demo organisation has no one at this clearance or place). */
  extra?: { displayName: string; title: string };
}

/** The unit tree (child → parent) as the demo organisation builds it, by short key. */
export const UNIT_PARENT: Record<string, string | null> = {
  gov: null,
  office: 'gov',
  dc: 'office',
  it: 'office',
  ndrc: 'gov',
};

export const UNIT_NAMES: Record<string, string> = {
  gov: '区人民政府',
  office: '区政府办公室',
  dc: '区政府督查室',
  it: '区大数据中心',
  ndrc: '区发展和改革委员会',
};

/** Units A (区政府办) and B (区发改委), every role and clearance, and the three administrators. */
export const PEOPLE: Person[] = [
  { username: 'zhaojing', unit: 'office', roles: ['clerk'], clearance: 2 },
  { username: 'sunyue', unit: 'office', roles: ['clerk', 'staff'], clearance: 1 },
  { username: 'wanglei', unit: 'office', roles: ['leader', 'clerk'], clearance: 2 },
  {
    username: 'kongwen',
    unit: 'office',
    roles: ['staff'],
    clearance: 1,
    extra: { displayName: '孔文', title: '秘书科科员' },
  },
  {
    username: 'qianyi',
    unit: 'office',
    roles: ['staff'],
    clearance: 0,
    extra: { displayName: '钱一', title: '文印室科员' },
  },
  { username: 'lihua', unit: 'ndrc', roles: ['leader'], clearance: 2 },
  { username: 'zhangwei', unit: 'ndrc', roles: ['staff'], clearance: 1 },
  { username: 'chenming', unit: 'gov', roles: ['leader'], clearance: 3 },
  { username: 'zhouqiang', unit: 'dc', roles: ['supervisor'], clearance: 2 },
  { username: 'sysadmin', unit: 'it', roles: [], clearance: 1, admin: 'system' },
  { username: 'secadmin', unit: 'it', roles: [], clearance: 1, admin: 'security' },
  { username: 'auditadmin', unit: 'it', roles: [], clearance: 1, admin: 'audit' },
];

export const person = (username: string): Person => {
  const p = PEOPLE.find((x) => x.username === username);
  if (!p) throw new Error(`no probe person ${username}`);
  return p;
};

export interface MeetingFacts {
  unit: string;
  createdBy: string;
  host: string | null;
  minuteTaker: string | null;
  seated: string[];
  classification: number;
  draft: boolean;
}

export interface DocumentFacts {
  unit: string;
  owner: string;
  classification: number;
  sharedWithUsers: string[];
  sharedWithUnits: string[];
}

export interface TaskFacts {
  leadUnit: string;
  coUnits: string[];
  owner: string | null;
  createdBy: string;
  classification: number;
}

/** What an object is, as the oracle sees it. Minutes documents and whiteboards follow their meeting. */
export type Facts =
  | { kind: 'document'; doc: DocumentFacts }
  | { kind: 'meetingDocument'; meeting: MeetingFacts; classification: number }
  | { kind: 'meeting'; meeting: MeetingFacts }
  | { kind: 'task'; task: TaskFacts }
  | { kind: 'attachment'; task: TaskFacts; uploadedBy: string; submitted: boolean };

/**
 * What a route asks of a meeting: to see it, to be at its table (materials, minutes, whiteboards), or to learn what its
 * join link leads to (any colleague cleared for an announced meeting, who then waits in the lobby).
 */
export type Facet = 'view' | 'table' | 'join';

const business = (p: Person) => p.admin === undefined;
const cleared = (p: Person, classification: number) => p.clearance >= classification;

function unitAndAbove(unit: string): string[] {
  const chain: string[] = [];
  for (let u: string | null = unit; u; u = UNIT_PARENT[u] ?? null) chain.push(u);
  return chain;
}

function organises(p: Person, m: MeetingFacts): boolean {
  return m.createdBy === p.username || (m.unit === p.unit && p.roles.includes('clerk'));
}

function atTheTable(p: Person, m: MeetingFacts): boolean {
  if (!business(p) || !cleared(p, m.classification)) return false;
  if (organises(p, m) || m.host === p.username || m.minuteTaker === p.username) return true;
  return !m.draft && m.seated.includes(p.username);
}

function seesMeeting(p: Person, m: MeetingFacts): boolean {
  if (atTheTable(p, m)) return true;
  return business(p) && cleared(p, m.classification) && !m.draft && m.unit === p.unit;
}

function readsDocument(p: Person, d: DocumentFacts): boolean {
  if (!business(p) || !cleared(p, d.classification)) return false;
  return (
    d.owner === p.username ||
    d.unit === p.unit ||
    d.sharedWithUsers.includes(p.username) ||
    d.sharedWithUnits.includes(p.unit)
  );
}

function readsTask(p: Person, t: TaskFacts): boolean {
  if (!business(p) || !cleared(p, t.classification)) return false;
  if (p.roles.includes('supervisor')) return true;
  const units = [t.leadUnit, ...t.coUnits];
  if (units.includes(p.unit) || t.owner === p.username || t.createdBy === p.username) return true;
  return p.roles.includes('leader') && units.some((u) => unitAndAbove(u).includes(p.unit));
}

/** Whether this person may read this object (for a meeting, with the facet the route asks). */
export function mayRead(p: Person, f: Facts, facet: Facet = 'view'): boolean {
  switch (f.kind) {
    case 'document':
      return readsDocument(p, f.doc);
    case 'meetingDocument':
      return cleared(p, f.classification) && atTheTable(p, f.meeting);
    case 'meeting':
      if (facet === 'join')
        return atTheTable(p, f.meeting) || (business(p) && cleared(p, f.meeting.classification) && !f.meeting.draft);
      return facet === 'table' ? atTheTable(p, f.meeting) : seesMeeting(p, f.meeting);
    case 'task':
      return readsTask(p, f.task);
    case 'attachment':
      return readsTask(p, f.task) && (f.submitted || f.uploadedBy === p.username);
  }
}
