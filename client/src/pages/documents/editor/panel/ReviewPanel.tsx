// The editor's side panel: 批注 (comments), 修订 (tracked changes), 版本 (versions) as tabs with their counts.
import { Badge, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type PanelTab = 'comments' | 'suggestions' | 'versions';

export function ReviewPanel({
  tab,
  onTab,
  openThreads,
  suggestions,
  comments,
  changes,
  versions,
}: {
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  openThreads: number;
  suggestions: number;
  comments: ReactNode;
  changes: ReactNode;
  versions: ReactNode;
}) {
  const { t } = useTranslation();
  const label = (text: string, count: number) => (
    <span className="tb-tab-label">
      {text}
      {count > 0 && <Badge count={count} size="small" color="#1f4fa8" />}
    </span>
  );
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => onTab(key as PanelTab)}
      className="tb-review-panel"
      items={[
        { key: 'comments', label: label(t('documents.comments.tab'), openThreads), children: comments },
        { key: 'suggestions', label: label(t('documents.suggestions.tab'), suggestions), children: changes },
        { key: 'versions', label: t('documents.versions.tab'), children: versions },
      ]}
    />
  );
}
