// The header: product name, the search box, the notification bell, language and the account menu.
import { Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark.tsx';
import { Link } from 'react-router-dom';
import { HeaderSearch } from './HeaderSearch.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Layout.Header className="tb-header">
      <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
        <Link to="/" className="tb-brand" aria-label={t('nav.home')}>
          <BrandMark />
          <Typography.Text strong className="tb-brand__name">
            {t('app.name')}
          </Typography.Text>
        </Link>
        <HeaderSearch />
        <Flex align="center" gap={4}>
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
