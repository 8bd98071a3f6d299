// The workbench's main navigation, shaped by who is signed in: business modules for people with business roles,
// administration for the three administrators.
import type { ComponentType } from 'react';
import {
  AuditOutlined,
  ContainerOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ContactsOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  InboxOutlined,
  SettingOutlined,
  SnippetsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Session } from '../api/types.ts';

export type NavKey =
  | 'home'
  | 'todo'
  | 'calendar'
  | 'meetings'
  | 'documents'
  | 'officialDocs'
  | 'inbox'
  | 'incoming'
  | 'supervision'
  | 'addressBook'
  | 'archive'
  | 'admin';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ComponentType;
  /** Shown with the number of 待办 (the 待办 centre's total). */
  counted?: boolean;
  /** Desk work left out of the phone's tab bar, which has no room for it. */
  wideOnly?: boolean;
}

const BUSINESS: NavItem[] = [
  { key: 'todo', path: '/todo', icon: CheckSquareOutlined, counted: true },
  { key: 'calendar', path: '/calendar', icon: CalendarOutlined },
  { key: 'meetings', path: '/meetings', icon: TeamOutlined },
  { key: 'documents', path: '/documents', icon: FileTextOutlined },
  { key: 'officialDocs', path: '/official-documents', icon: SnippetsOutlined },
  { key: 'inbox', path: '/inbox', icon: InboxOutlined },
  { key: 'supervision', path: '/supervision', icon: AuditOutlined },
  { key: 'addressBook', path: '/address-book', icon: ContactsOutlined },
];

const INCOMING: NavItem = {
  key: 'incoming',
  path: '/official-documents/incoming',
  icon: FormOutlined,
  wideOnly: true,
};

export function navItems(session: Session): NavItem[] {
  const items: NavItem[] = [{ key: 'home', path: '/', icon: HomeOutlined }];
  // The three administrators hold no business role by design (三员分立), so the business modules are not theirs.
  if (session.capabilities.includes('workspace.use')) {
    items.push(...BUSINESS);
    // 收文登记 is the office's (the unit's clerks): placed after the 收文箱 it feeds.
    if (session.capabilities.includes('officialDoc.registerIncoming'))
      items.splice(items.findIndex((i) => i.key === 'inbox') + 1, 0, INCOMING);
  }
  // 档案: the packages a person reads, and the archivist's sealing and destruction approvals (desk work).
  if (session.capabilities.includes('archive.list'))
    items.push({ key: 'archive', path: '/archive', icon: ContainerOutlined, wideOnly: true });
  if (session.capabilities.includes('admin.console'))
    items.push({ key: 'admin', path: '/admin', icon: SettingOutlined });
  return items;
}

/** The nav entry a location belongs to: the longest path that contains it (收文登记 inside 办文). */
export function activeNavKey(pathname: string, items: NavItem[]): NavKey | null {
  const match = items
    .filter((i) => i.path !== '/' && (pathname === i.path || pathname.startsWith(`${i.path}/`)))
    .sort((a, b) => b.path.length - a.path.length);
  if (match[0]) return match[0].key;
  return pathname === '/' ? 'home' : null;
}
