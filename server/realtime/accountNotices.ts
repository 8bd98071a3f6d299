// Notifications that tell a person an administrator changed their account. The text is stored in the organisation's
// primary language (zh-CN); the client shows its own translation for these kinds.
import type { NewNotification } from './notificationHub.ts';

export type AccountNoticeKind = 'account.roles_changed' | 'account.clearance_changed' | 'account.mfa_reset' | 'account.password_reset';

const TEXT: Record<AccountNoticeKind, { title: string; body: string }> = {
  'account.roles_changed': { title: '您的角色已调整', body: '安全保密管理员调整了您的角色，重新登录后生效。' },
  'account.clearance_changed': { title: '您的密级已调整', body: '安全保密管理员调整了您的密级，可在个人设置中查看。' },
  'account.mfa_reset': { title: '您的验证器已被重置', body: '安全保密管理员重置了您的验证器，下次登录时请重新绑定。' },
  'account.password_reset': { title: '您的密码已被重置', body: '系统管理员为您重置了密码。如果这不是您申请的，请立即联系管理员。' },
};

export function accountNotice(userId: string, kind: AccountNoticeKind): NewNotification {
  return { userId, kind, ...TEXT[kind], link: '/settings' };
}
