// The frame of the pages used before the workbench (sign-in, first-time setup): brand, language, one card.
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark.tsx';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';

export function AuthLayout({ title, wide = false, children }: { title: string; wide?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="tb-auth">
      <div className="tb-auth__top">
        <LanguageSwitch />
      </div>
      <Card className={wide ? 'tb-auth__card tb-auth__card--wide' : 'tb-auth__card'} styles={{ body: { padding: 28 } }}>
        <div className="tb-auth__brand">
          <BrandMark />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('app.fullName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  );
}
