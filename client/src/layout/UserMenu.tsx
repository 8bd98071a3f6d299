// The account menu: who is signed in, personal settings, sign out.
import { LogoutOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/errorMessage.ts';
import { useActiveSession, useSession } from '../session/sessionContext.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useActiveSession();
  const { signOut } = useSession();
  const { user } = session;
  const isDutyAccount = user.roles.some((r) => r.endsWith('_admin'));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: `${user.displayName} · ${user.unitName ?? ''}`, disabled: true },
          { type: 'divider' },
          { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings'), style: { minHeight: 44 } },
          { key: 'sign-out', icon: <LogoutOutlined />, label: t('header.signOut'), style: { minHeight: 44 } },
        ],
        onClick: ({ key }) => {
          if (key === 'settings') navigate('/settings');
          if (key === 'sign-out') signOut().catch((err: unknown) => message.error(errorMessage(t, err)));
        },
      }}
    >
      <Button type="text" className="tb-header-button" aria-label={t('header.account')} data-testid="user-menu">
        {/* A person's avatar shows their given name (the last two characters, as is usual); a duty account gets an emblem. */}
        {isDutyAccount ? (
          <Avatar size={32} icon={<SafetyCertificateOutlined />} style={{ backgroundColor: '#5b3fa8' }} />
        ) : (
          <Avatar size={32} style={{ backgroundColor: '#1f4fa8' }}>
            {user.displayName.slice(-2)}
          </Avatar>
        )}
        <span className="tb-hide-narrow">{user.displayName}</span>
      </Button>
    </Dropdown>
  );
}
