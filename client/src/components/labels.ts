// Display names for the server's role, clearance and audit-action codes; unknown codes are shown as they are.
import type { TFunction } from 'i18next';
import zhCN from '../i18n/zh-CN.ts';

type RoleKey = keyof typeof zhCN.roles;
type ClearanceKey = keyof typeof zhCN.clearance;
type ActionKey = keyof typeof zhCN.audit.actions;

export function roleLabel(t: TFunction, role: string): string {
  return Object.hasOwn(zhCN.roles, role) ? t(`roles.${role as RoleKey}`) : role;
}

export function clearanceLabel(t: TFunction, clearance: string): string {
  return Object.hasOwn(zhCN.clearance, clearance) ? t(`clearance.${clearance as ClearanceKey}`) : clearance;
}

export function auditActionLabel(t: TFunction, action: string): string {
  const key = action.replaceAll('.', '_');
  return Object.hasOwn(zhCN.audit.actions, key) ? t(`audit.actions.${key as ActionKey}`) : action;
}

/** Every audit action the client knows, as the server writes them (auth_sign_in → auth.sign_in). */
export const KNOWN_AUDIT_ACTIONS: string[] = Object.keys(zhCN.audit.actions).map((k) => k.replace('_', '.'));
