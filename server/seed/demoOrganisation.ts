// The demo organisation: a district government with its bureaus, leaders, clerks, staff, supervisors and the three
// administrators, so a newcomer can try every feature at once (`npm run demo`).
import type { RequestContext } from '../audit/auditLog.ts';
import { createUnit } from '../commands/accounts/unitEditor.ts';
import { createUser } from '../commands/accounts/userCreator.ts';
import type { RoleName } from '../domain/roles.ts';
import type { Services } from '../services.ts';

/** Shown on the demo start screen; the demo is for trying things out, never for real data. */
export const DEMO_PASSWORD = 'Tongban#2026';

interface DemoUnit {
  key: string;
  name: string;
  shortName?: string;
  aliases?: string[];
  parent?: string;
}

const UNITS: DemoUnit[] = [
  { key: 'gov', name: '区人民政府', shortName: '区政府' },
  { key: 'office', name: '区政府办公室', shortName: '区政府办', aliases: ['区府办'], parent: 'gov' },
  { key: 'dc', name: '区政府督查室', shortName: '督查室', parent: 'office' },
  { key: 'ndrc', name: '区发展和改革委员会', shortName: '区发改委', parent: 'gov' },
  { key: 'finance', name: '区财政局', parent: 'gov' },
  { key: 'housing', name: '区住房和城乡建设委员会', shortName: '区住建委', parent: 'gov' },
  { key: 'emergency', name: '区应急管理局', shortName: '区应急局', parent: 'gov' },
  { key: 'health', name: '区卫生健康委员会', shortName: '区卫健委', parent: 'gov' },
  { key: 'market', name: '区市场监督管理局', shortName: '区市场监管局', parent: 'gov' },
  { key: 'it', name: '区大数据中心', shortName: '大数据中心', parent: 'office' },
];

interface DemoUser {
  username: string;
  displayName: string;
  unit: string;
  title: string;
  roles: RoleName[];
  clearance: number;
}

const USERS: DemoUser[] = [
  {
    username: 'sysadmin',
    displayName: '系统管理员',
    unit: 'it',
    title: '系统管理员',
    roles: ['system_admin'],
    clearance: 1,
  },
  {
    username: 'secadmin',
    displayName: '安全保密管理员',
    unit: 'it',
    title: '安全保密管理员',
    roles: ['security_admin'],
    clearance: 1,
  },
  {
    username: 'auditadmin',
    displayName: '安全审计员',
    unit: 'it',
    title: '安全审计员',
    roles: ['audit_admin'],
    clearance: 1,
  },
  { username: 'chenming', displayName: '陈明', unit: 'gov', title: '区长', roles: ['leader'], clearance: 3 },
  { username: 'liufang', displayName: '刘芳', unit: 'gov', title: '副区长', roles: ['leader'], clearance: 3 },
  {
    username: 'wanglei',
    displayName: '王磊',
    unit: 'office',
    title: '区政府办主任',
    roles: ['leader', 'clerk'],
    clearance: 2,
  },
  { username: 'zhaojing', displayName: '赵静', unit: 'office', title: '秘书科科长', roles: ['clerk'], clearance: 2 },
  {
    username: 'sunyue',
    displayName: '孙悦',
    unit: 'office',
    title: '秘书科科员',
    roles: ['clerk', 'staff'],
    clearance: 1,
  },
  { username: 'zhouqiang', displayName: '周强', unit: 'dc', title: '督查室主任', roles: ['supervisor'], clearance: 2 },
  {
    username: 'wuli',
    displayName: '吴丽',
    unit: 'dc',
    title: '督查专员',
    roles: ['supervisor', 'staff'],
    clearance: 1,
  },
  { username: 'lihua', displayName: '李华', unit: 'ndrc', title: '区发改委主任', roles: ['leader'], clearance: 2 },
  { username: 'zhangwei', displayName: '张伟', unit: 'ndrc', title: '规划科科长', roles: ['staff'], clearance: 1 },
  // Each unit's 收发员/文书 signs for the 公文 distributed to it (分发).
  { username: 'qianwen', displayName: '钱文', unit: 'ndrc', title: '办公室文书', roles: ['clerk'], clearance: 2 },
  { username: 'yangfan', displayName: '杨帆', unit: 'finance', title: '区财政局局长', roles: ['leader'], clearance: 2 },
  { username: 'hejun', displayName: '何军', unit: 'finance', title: '预算科科员', roles: ['staff'], clearance: 1 },
  { username: 'tangmin', displayName: '唐敏', unit: 'finance', title: '办公室收发员', roles: ['clerk'], clearance: 2 },
  { username: 'guomin', displayName: '郭敏', unit: 'housing', title: '区住建委主任', roles: ['leader'], clearance: 2 },
  { username: 'matao', displayName: '马涛', unit: 'housing', title: '建设科科员', roles: ['staff'], clearance: 1 },
  { username: 'songjia', displayName: '宋佳', unit: 'housing', title: '办公室文书', roles: ['clerk'], clearance: 2 },
  {
    username: 'linqiang',
    displayName: '林强',
    unit: 'emergency',
    title: '区应急局局长',
    roles: ['leader'],
    clearance: 2,
  },
  {
    username: 'xuyan',
    displayName: '徐燕',
    unit: 'emergency',
    title: '安全监管科科员',
    roles: ['staff'],
    clearance: 1,
  },
  { username: 'huangli', displayName: '黄丽', unit: 'health', title: '区卫健委主任', roles: ['leader'], clearance: 2 },
  { username: 'zhengkai', displayName: '郑凯', unit: 'health', title: '疾控科科员', roles: ['staff'], clearance: 1 },
  {
    username: 'fengjie',
    displayName: '冯杰',
    unit: 'market',
    title: '区市场监管局局长',
    roles: ['leader'],
    clearance: 2,
  },
];

/** 办公电话 for the 通讯录: one exchange per unit (made up, in the demo's range), an extension per person. */
function officePhone(unitKey: string, extension: number): string {
  const unit = UNITS.findIndex((u) => u.key === unitKey) + 1;
  return `0571-8688${String(unit).padStart(2, '0')}${String(extension).padStart(2, '0')}`;
}

export async function seedDemoOrganisation(svc: Services): Promise<{ users: number; units: number }> {
  const ctx: RequestContext = {
    actor: null,
    ip: '127.0.0.1',
    userAgent: 'tongban-demo-seed',
    at: svc.clock.now(),
    auditKey: svc.keys.audit,
  };
  const ids = new Map<string, string>();
  for (const u of UNITS) {
    const parentId = u.parent ? (ids.get(u.parent) ?? null) : null;
    const { id } = await createUnit(svc, ctx, {
      name: u.name,
      shortName: u.shortName ?? null,
      aliases: u.aliases ?? [],
      parentId,
      sortOrder: ids.size,
    });
    ids.set(u.key, id);
  }
  const extensions = new Map<string, number>();
  for (const u of USERS) {
    const extension = (extensions.get(u.unit) ?? 0) + 1;
    extensions.set(u.unit, extension);
    await createUser(svc, ctx, {
      username: u.username,
      displayName: u.displayName,
      unitId: ids.get(u.unit)!,
      title: u.title,
      officePhone: officePhone(u.unit, extension),
      password: DEMO_PASSWORD,
      roles: u.roles,
      clearance: u.clearance,
    });
  }
  return { users: USERS.length, units: UNITS.length };
}
