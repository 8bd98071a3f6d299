// Names in search hits and filters: 文种/type, status and 密级 in the interface language (unknown codes are shown as
// they are).
import type { TFunction } from 'i18next';
import { OFFICIAL_DOCUMENT_KIND_KEYS } from '../../../../common/officialDocs/catalogue.ts';
import type { SearchKind } from '../../api/search.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { kindName } from '../officialDocs/officialDocLabels.tsx';

/** Classification codes of the index (0–3) as the clearance keys of the interface. */
export const CLASSIFICATION_KEYS = ['public', 'internal', 'secret', 'confidential'] as const;

export function classificationName(t: TFunction, level: number): string {
  const key = CLASSIFICATION_KEYS[level];
  return key ? t(`clearance.${key}`) : String(level);
}

const has = (table: object, key: string) => Object.hasOwn(table, key);

/** The statuses a kind's filter offers, with their names. */
export function statusOptions(t: TFunction, kind: SearchKind | undefined): Array<{ value: string; label: string }> {
  const keys =
    kind === 'officialDoc'
      ? Object.keys(zhCN.officialDocs.status)
      : kind === 'task'
        ? Object.keys(zhCN.supervision.status)
        : kind === 'meeting'
          ? Object.keys(zhCN.meetings.statuses)
          : [];
  return keys.map((value) => ({ value, label: statusName(t, kind!, value) }));
}

export function statusName(t: TFunction, kind: SearchKind, status: string): string {
  if (kind === 'officialDoc' && has(zhCN.officialDocs.status, status))
    return t(`officialDocs.status.${status as keyof typeof zhCN.officialDocs.status}`);
  if (kind === 'task' && has(zhCN.supervision.status, status))
    return t(`supervision.status.${status as keyof typeof zhCN.supervision.status}`);
  if ((kind === 'meeting' || kind === 'minutes' || kind === 'material') && has(zhCN.meetings.statuses, status))
    return t(`meetings.statuses.${status as keyof typeof zhCN.meetings.statuses}`);
  return status;
}

/** 文种 of a 公文, a meeting's type, a task's basis; else the code. */
export function docTypeName(t: TFunction, kind: SearchKind, docType: string): string {
  if (kind === 'officialDoc') return kindName(docType);
  if (kind === 'meeting' && has(zhCN.meetings.types, docType))
    return t(`meetings.types.${docType as keyof typeof zhCN.meetings.types}`);
  if (kind === 'task' && has(zhCN.supervision.basis, docType))
    return t(`supervision.basis.${docType as keyof typeof zhCN.supervision.basis}`);
  return docType;
}

/** The types a kind's 文种/type filter offers: 文种 when no kind is chosen (the common case). */
export function docTypeOptions(t: TFunction, kind: SearchKind | undefined): Array<{ value: string; label: string }> {
  const keys =
    kind === undefined || kind === 'officialDoc'
      ? null
      : kind === 'meeting'
        ? Object.keys(zhCN.meetings.types)
        : kind === 'task'
          ? Object.keys(zhCN.supervision.basis)
          : [];
  if (keys === null) return OFFICIAL_DOCUMENT_KIND_KEYS.map((value) => ({ value, label: kindName(value) }));
  return keys.map((value) => ({ value, label: docTypeName(t, kind!, value) }));
}
