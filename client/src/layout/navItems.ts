// The workbench's main navigation, shaped by who is signed in: business modules for people with business roles,
// administration for the three administrators.
import type { ComponentType } from 'react';
import {
  AuditOutlined,
  CalendarOutlined,
  ContactsOutlined,
  FileTextOutlined,
  HomeOutlined,
  InboxOutlined,
  SettingOutlined,
  SnippetsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Session } from '../api/types.ts';

export type NavKey =
  'home' | 'calendar' | 'meetings' | 'documents' | 'officialDocs' | 'inbox' | 'supervision' | 'addressBook' | 'admin';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ComponentType;
}

const BUSINESS: NavItem[] = [
  { key: 'calendar', path: '/calendar', icon: CalendarOutlined },
  { key: 'meetings', path: '/meetings', icon: TeamOutlined },
  { key: 'documents', path: '/documents', icon: FileTextOutlined },
  { key: 'officialDocs', path: '/official-documents', icon: SnippetsOutlined },
  { key: 'inbox', path: '/inbox', icon: InboxOutlined },
  { key: 'supervision', path: '/supervision', icon: AuditOutlined },
  { key: 'addressBook', path: '/address-book', icon: ContactsOutlined },
];

export function navItems(session: Session): NavItem[] {
  const items: NavItem[] = [{ key: 'home', path: '/', icon: HomeOutlined }];
  // The three administrators hold no business role by design (三员分立), so the business modules are not theirs.
  if (session.capabilities.includes('workspace.use')) items.push(...BUSINESS);
  if (session.capabilities.includes('admin.console'))
    items.push({ key: 'admin', path: '/admin', icon: SettingOutlined });
  return items;
}

/** The nav entry a location belongs to. */
export function activeNavKey(pathname: string, items: NavItem[]): NavKey | null {
  const match = items.filter((i) => i.path !== '/' && (pathname === i.path || pathname.startsWith(`${i.path}/`)));
  if (match[0]) return match[0].key;
  return pathname === '/' ? 'home' : null;
}
