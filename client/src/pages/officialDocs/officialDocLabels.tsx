// Small shared pieces of the 办文 pages: the names of 文种, urgency, disclosure and opinion kinds in the interface
// language (from the shared catalogue), and the status and urgency tags (特急 red, 加急 orange).
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  DISCLOSURES,
  OFFICIAL_DOCUMENT_KINDS,
  OPINION_KINDS,
  URGENCIES,
} from '../../../../common/officialDocs/catalogue.ts';
import type { RouteStatus } from '../../api/officialDocs.ts';
import { serverNow } from '../../api/serverClock.ts';
import { currentLocale } from '../../i18n/index.ts';

type Entry = { zh: string; en: string };

function nameIn(table: Record<string, Entry>, key: string): string {
  const entry = Object.hasOwn(table, key) ? table[key] : undefined;
  if (!entry) return key;
  return currentLocale() === 'en' ? entry.en : entry.zh;
}

export const kindName = (kind: string) => nameIn(OFFICIAL_DOCUMENT_KINDS, kind);
export const urgencyName = (urgency: string) => nameIn(URGENCIES, urgency);
export const disclosureName = (disclosure: string) => nameIn(DISCLOSURES, disclosure);
export const opinionKindName = (kind: string) => nameIn(OPINION_KINDS, kind);

const STATUS_COLORS: Record<RouteStatus, string> = {
  draft: 'default',
  in_route: 'processing',
  signed_off: 'purple',
  numbered: 'cyan',
  sealed: 'success',
  distributed: 'green',
  finished: 'green',
  archived: 'gold',
};

export function StatusTag({ status }: { status: RouteStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="official-doc-status">
      {t(`officialDocs.status.${status}`)}
    </Tag>
  );
}

/** 特急 red, 加急 orange; nothing for an ordinary document. */
export function UrgencyTag({ urgency }: { urgency: string }) {
  if (urgency !== 'urgent' && urgency !== 'extra_urgent') return null;
  return (
    <Tag color={urgency === 'extra_urgent' ? 'red' : 'orange'} data-testid="urgency-tag">
      {urgencyName(urgency)}
    </Tag>
  );
}

/** The current step's 办理时限: red once past (by the server's clock), blue before. */
export function DueTag({ dueOn }: { dueOn: string | null }) {
  const { t } = useTranslation();
  if (!dueOn) return null;
  const overdue = dayjs(serverNow()).format('YYYY-MM-DD') > dueOn;
  return (
    <Tag color={overdue ? 'red' : 'blue'} data-testid="due-tag">
      {t(overdue ? 'officialDocs.overdue' : 'officialDocs.dueOn', { date: dueOn })}
    </Tag>
  );
}
