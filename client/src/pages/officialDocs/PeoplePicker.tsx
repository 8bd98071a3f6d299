// Picks people from the directory by name (handlers of a step, a countersigner, whom to transfer to), remembering the
// names of those already picked while the search shows others.
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserSearch, type DirectoryUser } from '../documents/editor/useUserSearch.ts';

export const personLabel = (u: Pick<DirectoryUser, 'displayName' | 'unitName'>) =>
  `${u.displayName}${u.unitName ? ` · ${u.unitName}` : ''}`;

export function PeoplePicker({
  value,
  onChange,
  multiple,
  ariaLabel,
  names = {},
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  multiple: boolean;
  ariaLabel: string;
  /** Names of people already picked elsewhere (a template's), by id. */
  names?: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const { users, searching, search } = useUserSearch();
  // The names of those picked, kept from the search that offered them.
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(new Map());
  const options = [
    ...value
      .filter((id) => !users.some((u) => u.id === id))
      .map((id) => ({ value: id, label: known.get(id) ?? names[id] ?? id })),
    ...users.map((u) => ({ value: u.id, label: personLabel(u) })),
  ];
  return (
    <Select<string | string[]>
      className="tb-od-wide"
      size="large"
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: search }}
      value={multiple ? value : value[0]}
      onChange={(v) => {
        const ids = Array.isArray(v) ? v : v ? [v] : [];
        const next = new Map(known);
        for (const u of users) if (ids.includes(u.id)) next.set(u.id, personLabel(u));
        setKnown(next);
        onChange(ids);
      }}
      onFocus={() => search('')}
      placeholder={t('officialDocs.people.searchHint')}
      aria-label={ariaLabel}
      notFoundContent={searching ? t('documents.comments.mentionSearching') : null}
      options={options}
    />
  );
}
