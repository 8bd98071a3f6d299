// Picks people from the directory by typing part of a name: one (host, presenter, substitute) or several.
import { App, Select, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errorMessage.ts';
import { usersApi } from '../../../api/users.ts';
import { withNote } from '../../../i18n/punctuation.ts';

export interface PersonOption {
  id: string;
  displayName: string;
  unitName: string | null;
}

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Only people of this unit (substitutes). */
  unitId?: string;
  /** Shown for the current value before a search has loaded it. */
  known?: PersonOption[];
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
}

const SEARCH_DELAY_MS = 250;

export function PersonPicker({ value, onChange, unitId, known = [], placeholder, id, 'aria-label': ariaLabel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [options, setOptions] = useState<PersonOption[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const search = useCallback(
    (q: string) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        setLoading(true);
        usersApi
          .list({ q: q || undefined, unitId, pageSize: 30 })
          .then((page) =>
            setOptions(page.items.map((u) => ({ id: u.id, displayName: u.displayName, unitName: u.unitName }))),
          )
          .catch((err: unknown) => message.error(errorMessage(t, err)))
          .finally(() => setLoading(false));
      }, SEARCH_DELAY_MS);
    },
    [unitId, message, t],
  );

  // The first page (of the unit, when narrowed) is there before anyone types.
  useEffect(() => {
    search('');
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [search]);

  const merged = useMemo(() => {
    const all = new Map<string, PersonOption>();
    for (const p of [...known, ...options]) all.set(p.id, p);
    return [...all.values()];
  }, [known, options]);

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch
      allowClear
      value={value ?? undefined}
      placeholder={placeholder ?? t('meetings.form.personPlaceholder')}
      filterOption={false}
      onSearch={search}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      options={merged.map((p) => ({ value: p.id, label: withNote(t, p.displayName, p.unitName) }))}
      style={{ width: '100%' }}
    />
  );
}
