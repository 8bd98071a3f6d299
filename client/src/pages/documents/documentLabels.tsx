// Display names for the documents module's codes (kind, status, access), and the access tag shown in the list and the
// editor. Unknown codes from a newer server are shown as they are.
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Access } from '../../api/documents.ts';
import zhCN from '../../i18n/zh-CN.ts';

type Section = typeof zhCN.documents;
const has = <K extends string>(table: Record<K, string>, key: string): key is K => Object.hasOwn(table, key);

export function kindLabel(t: TFunction, kind: string): string {
  return has<keyof Section['kinds']>(zhCN.documents.kinds, kind) ? t(`documents.kinds.${kind}`) : kind;
}

export function statusLabel(t: TFunction, status: string): string {
  return has<keyof Section['statuses']>(zhCN.documents.statuses, status) ? t(`documents.statuses.${status}`) : status;
}

const ACCESS_COLOR: Record<Access, string> = {
  none: 'default',
  view: 'default',
  comment: 'blue',
  suggest: 'purple',
  edit: 'green',
  manage: 'green',
};

export function AccessTag({ access }: { access: Access }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={ACCESS_COLOR[access]} data-testid="access" data-access={access}>
      {t(`documents.access.${access}`)}
    </Tag>
  );
  return access === 'none' ? tag : <Tooltip title={t(`documents.accessHint.${access}`)}>{tag}</Tooltip>;
}
