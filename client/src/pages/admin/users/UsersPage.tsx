// 管理 › 用户: the system administrator keeps accounts (create, edit, move, disable, reset password); the security
// administrator keeps their privileges (roles, clearance, unlock, reset authenticator).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Table, TreeSelect, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errorMessage.ts';
import type { FullUser, UserList, UserPresentation } from '../../../api/types.ts';
import { usersApi, type UserQuery } from '../../../api/users.ts';
import { unitTree } from '../../../components/unitTree.ts';
import { useUnits } from '../../../components/useUnits.ts';
import { useActiveSession, useSession } from '../../../session/sessionContext.ts';
import { OneTimePasswordModal, type OneTimePassword } from './OneTimePasswordModal.tsx';
import { UserProfileModal, type ProfileTarget } from './UserProfileModal.tsx';
import { UserRolesModal } from './UserRolesModal.tsx';
import { useUserColumns } from './userColumns.tsx';

const PAGE_SIZE = 20;

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const me = useActiveSession().user;
  const { units } = useUnits();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: PAGE_SIZE });
  const [data, setData] = useState<UserList | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [profile, setProfile] = useState<ProfileTarget | null>(null);
  const [rolesOf, setRolesOf] = useState<FullUser | null>(null);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await usersApi.list(query));
      setError(null);
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setLoading(false);
    }
  }, [query, t]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Runs an account action, reports the outcome and reloads the list. */
  const act = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
      await load();
    } catch (err) {
      message.error(errorMessage(t, err));
    }
  };

  const columns = useUserColumns({
    meId: me.id,
    unitLabel: (unitId, fallback) => {
      const u = units.find((x) => x.id === unitId);
      return u?.shortName ?? u?.name ?? fallback ?? '—';
    },
    can: session.can,
    onEdit: (user) => setProfile({ mode: 'edit', user }),
    onRoles: setRolesOf,
    onToggleDisabled: (user) =>
      act(
        () => usersApi.update(user.id, { disabled: !user.disabled }),
        user.disabled ? t('users.enabled') : t('users.disabled'),
      ),
    onResetPassword: (user) =>
      act(async () => {
        const half = await usersApi.requestPasswordReset(user.id);
        setOneTime({ kind: 'resetRequested', name: user.displayName, password: half.code, expiresAt: half.expiresAt });
      }),
    onApproveReset: (user) =>
      act(async () => {
        const half = await usersApi.approvePasswordReset(user.id);
        setOneTime({ kind: 'resetApproved', name: user.displayName, password: half.code, expiresAt: half.expiresAt });
      }),
    onUnlock: (user) => act(() => usersApi.unlock(user.id), t('users.unlocked')),
    onResetMfa: (user) => act(() => usersApi.resetMfa(user.id), t('users.mfaReset')),
  });

  return (
    <Flex vertical gap={16}>
      <Card styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ flex: '2 1 240px' }}
            enterButton
            aria-label={t('common.search')}
            onSearch={(q) => setQuery((prev) => ({ ...prev, q: q.trim() || undefined, page: 1 }))}
          />
          <TreeSelect
            allowClear
            showSearch
            treeDefaultExpandAll
            placeholder={t('users.unitFilter')}
            style={{ flex: '1 1 220px' }}
            treeData={unitTree(units)}
            treeNodeFilterProp="title"
            aria-label={t('users.unitFilter')}
            onChange={(unitId: string | undefined) => setQuery((prev) => ({ ...prev, unitId, page: 1 }))}
          />
          {session.can('user.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setProfile({ mode: 'create' })}>
              {t('users.create')}
            </Button>
          )}
        </Flex>
      </Card>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed', { message: error })}
          action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<UserPresentation>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('users.total', { count: total }),
            onChange: (page) => setQuery((prev) => ({ ...prev, page })),
          }}
        />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {session.can('user.create') ? t('users.form.createHint') : t('users.rolesForm.rolesChangedHint')}
      </Typography.Text>

      <UserProfileModal
        target={profile}
        units={units}
        onClose={() => setProfile(null)}
        onSaved={async (created) => {
          setProfile(null);
          if (created?.temporaryPassword)
            setOneTime({ kind: 'created', name: created.displayName, password: created.temporaryPassword });
          else message.success(t('common.saved'));
          await load();
        }}
      />
      <UserRolesModal
        user={rolesOf}
        onClose={() => setRolesOf(null)}
        onSaved={async () => {
          setRolesOf(null);
          message.success(t('users.rolesForm.saved'));
          await load();
        }}
      />
      <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
    </Flex>
  );
}
