// The user table's columns; which actions a row offers follows the signed-in administrator's capabilities. No action is
// offered on an administrator's account (their own included): 三员分立 leaves those to the operator CLI.
import { Button, Flex, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FullUser, UserPresentation } from '../../../api/types.ts';
import { clearanceLabel, roleLabel } from '../../../components/labels.ts';
import type { Capability } from '../../../session/sessionContext.ts';

interface Handlers {
  meId: string;
  /** The short name of a unit where it has one (区住建委 rather than 区住房和城乡建设委员会). */
  unitLabel: (unitId: string, fallback: string | null) => string;
  can: (c: Capability) => boolean;
  onEdit: (u: FullUser) => void;
  onRoles: (u: FullUser) => void;
  onToggleDisabled: (u: FullUser) => Promise<void>;
  onResetPassword: (u: FullUser) => Promise<void>;
  onApproveReset: (u: FullUser) => Promise<void>;
  onUnlock: (u: FullUser) => Promise<void>;
  onResetMfa: (u: FullUser) => Promise<void>;
}

function full(u: UserPresentation): FullUser | null {
  return u.view === 'full' ? u : null;
}

export function isLocked(u: FullUser): boolean {
  return u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();
}

export function useUserColumns(h: Handlers): TableColumnsType<UserPresentation> {
  const { t } = useTranslation();

  const confirmed = (title: string, onConfirm: () => Promise<void>, label: string, danger = false) => (
    <Popconfirm title={title} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={onConfirm}>
      <Button type="link" danger={danger}>
        {label}
      </Button>
    </Popconfirm>
  );

  return [
    {
      title: t('users.columns.name'),
      key: 'name',
      fixed: 'left',
      render: (_v, row) => (
        <Flex vertical>
          <Typography.Text strong>
            {row.displayName}
            {row.id === h.meId ? ` ${t('users.self')}` : ''}
          </Typography.Text>
          {full(row) && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {full(row)?.username}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('users.columns.unit'), key: 'unit', render: (_v, row) => h.unitLabel(row.unitId, row.unitName) },
    {
      title: t('users.columns.title'),
      dataIndex: 'title',
      key: 'title',
      responsive: ['xl'],
      render: (v: string) => v || '—',
    },
    {
      title: t('users.columns.roles'),
      key: 'roles',
      render: (_v, row) => (
        <Space size={[4, 4]} wrap>
          {full(row)?.roles.map((r) => (
            <Tag key={r} color={r.endsWith('_admin') ? 'purple' : 'blue'}>
              {roleLabel(t, r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.columns.clearance'),
      key: 'clearance',
      responsive: ['md'],
      render: (_v, row) => {
        const u = full(row);
        return u ? clearanceLabel(t, u.clearance) : '—';
      },
    },
    {
      title: t('users.columns.status'),
      key: 'status',
      render: (_v, row) => {
        const u = full(row);
        if (!u) return null;
        return (
          <Space size={[4, 4]} wrap>
            {u.disabled && <Tag color="red">{t('users.status.disabled')}</Tag>}
            {isLocked(u) && (
              <Tooltip title={t('users.lockedUntil', { time: dayjs(u.lockedUntil).format('YYYY-MM-DD HH:mm') })}>
                <Tag color="orange">{t('users.status.locked')}</Tag>
              </Tooltip>
            )}
            {!u.disabled && !isLocked(u) && <Tag color="green">{t('users.status.active')}</Tag>}
            {u.mfaEnabled && <Tag>{t('users.status.mfa')}</Tag>}
            {u.mustChangePassword && <Tag color="gold">{t('users.status.mustChangePassword')}</Tag>}
            {u.passwordReset && (
              <Tag color="gold" data-testid="reset-pending">
                {u.passwordReset.approved ? t('users.status.resetApproved') : t('users.status.resetRequested')}
              </Tag>
            )}
          </Space>
        );
      },
    },
    {
      title: t('users.columns.lastLogin'),
      key: 'lastLogin',
      responsive: ['xxl'],
      render: (_v, row) => {
        const u = full(row);
        return u?.lastLoginAt ? dayjs(u.lastLoginAt).format('YYYY-MM-DD HH:mm') : t('users.neverSignedIn');
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, row) => {
        const u = full(row);
        if (!u) return null;
        // An administrator's account, the viewer's own included, is nobody's to act on here.
        if (u.roles.some((r) => r.endsWith('_admin'))) return null;
        return (
          <Space size={0} wrap className="tb-table-actions">
            {h.can('user.update') && (
              <Button type="link" onClick={() => h.onEdit(u)}>
                {t('users.actions.edit')}
              </Button>
            )}
            {h.can('user.resetPassword') &&
              confirmed(
                t('users.confirmResetPassword', { name: u.displayName }),
                () => h.onResetPassword(u),
                t('users.actions.resetPassword'),
              )}
            {h.can('user.approvePasswordReset') &&
              u.passwordReset?.approved === false &&
              confirmed(
                t('users.confirmApproveReset', { name: u.displayName }),
                () => h.onApproveReset(u),
                t('users.actions.approveReset'),
              )}
            {h.can('user.disable') &&
              (u.disabled
                ? confirmed(
                    t('users.confirmEnable', { name: u.displayName }),
                    () => h.onToggleDisabled(u),
                    t('users.actions.enable'),
                  )
                : confirmed(
                    t('users.confirmDisable', { name: u.displayName }),
                    () => h.onToggleDisabled(u),
                    t('users.actions.disable'),
                    true,
                  ))}
            {h.can('user.assignRoles') && (
              <Button type="link" onClick={() => h.onRoles(u)}>
                {t('users.actions.roles')}
              </Button>
            )}
            {h.can('user.unlock') &&
              isLocked(u) &&
              confirmed(
                t('users.confirmUnlock', { name: u.displayName }),
                () => h.onUnlock(u),
                t('users.actions.unlock'),
              )}
            {h.can('user.resetMfa') &&
              u.mfaEnabled &&
              confirmed(
                t('users.confirmResetMfa', { name: u.displayName }),
                () => h.onResetMfa(u),
                t('users.actions.resetMfa'),
                true,
              )}
          </Space>
        );
      },
    },
  ];
}
