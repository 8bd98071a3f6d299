// Notifications that tell a person an administrator changed their account, or that repeated failed sign-ins locked it
// for a while (no parameters: the reader's language supplies the whole text).
import { notice, type NewNotification } from './notificationHub.ts';

export type AccountNoticeKind =
  | 'account.roles_changed'
  | 'account.clearance_changed'
  | 'account.mfa_reset'
  | 'account.password_reset'
  | 'account.locked';

export function accountNotice(userId: string, kind: AccountNoticeKind): NewNotification {
  return notice(userId, kind, {}, '/settings', { kind: 'account', userId });
}
