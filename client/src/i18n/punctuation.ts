// Pieces of interface text put together in the interface language's punctuation: 、，；：（） in Chinese, and
// ", ", "; ", ": ", "( )" in English. Components never glue a label and a full-width colon themselves.
import type { TFunction } from 'i18next';

export type Separator = 'enumeration' | 'comma' | 'semicolon';

/** Items in a row: 甲、乙、丙 (enumeration), 甲，乙 (comma) or 甲；乙 (semicolon); "a, b, c" / "a; b" in English. */
export function listOf(t: TFunction, items: readonly string[], separator: Separator = 'enumeration'): string {
  return items.join(t(`common.separators.${separator}`));
}

/** 标签：值 / "Label: value". */
export function labelled(t: TFunction, label: string, value: string): string {
  return t('common.labelled', { label, value });
}

/** 标签： / "Label: ", before a value that is not plain text. */
export function labelColon(t: TFunction, label: string): string {
  return t('common.labelColon', { label });
}

/** 陈明（区长） / "Chen Ming (District Mayor)"; the name alone without a note. */
export function withNote(t: TFunction, name: string, note: string | null | undefined): string {
  return note ? t('common.withNote', { name, note }) : name;
}
