// Switches the interface language; when signed in, the choice is saved to the account.
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale, LOCALES } from '../i18n/index.ts';
import { useSession } from '../session/sessionContext.ts';

export function LanguageSwitch({ showLabel = true }: { showLabel?: boolean }) {
  const { t } = useTranslation();
  const { setLocale } = useSession();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({
          key: l,
          label: t(`language.${l}`),
          style: { minHeight: 44, display: 'flex', alignItems: 'center' },
        })),
        onClick: ({ key }) => {
          if (isLocale(key)) void setLocale(key);
        },
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language.label')} className="tb-header-button">
        {showLabel && <span className="tb-hide-narrow">{t(`language.${locale}`)}</span>}
      </Button>
    </Dropdown>
  );
}
