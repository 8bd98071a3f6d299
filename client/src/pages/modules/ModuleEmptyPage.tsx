// 会议 / 文档 / 督办 until their issues land: says honestly what will appear here, shows nothing made up.
import { AuditOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Empty, Typography } from 'antd';
import { createElement, type ComponentType, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

export type ModuleKey = 'meetings' | 'documents' | 'supervision';

const ICONS: Record<ModuleKey, ComponentType<{ style?: CSSProperties }>> = {
  meetings: TeamOutlined,
  documents: FileTextOutlined,
  supervision: AuditOutlined,
};

export function ModuleEmptyPage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  return (
    <div className="tb-page">
      <Typography.Title level={3} className="tb-page-title">
        {t(`modules.${module}.title`)}
      </Typography.Title>
      <Card>
        <Empty
          image={createElement(ICONS[module], { style: { fontSize: 64, color: '#b6c2d9' } })}
          styles={{ image: { height: 80, display: 'flex', justifyContent: 'center', alignItems: 'center' } }}
          description={
            <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="module-empty">
              <Typography.Paragraph strong>{t('modules.notYet')}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t(`modules.${module}.empty`)}</Typography.Paragraph>
            </div>
          }
        />
      </Card>
    </div>
  );
}
