// Picks people for a decision item: found in the directory as one types, or a name typed as written (someone outside
// the directory, or a name not yet told apart from a namesake).
import { Select, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NAMES_SELECT, type NamesSelectProps } from './namesSelect.ts';
import { usersApi } from '../../../api/users.ts';
import type { PersonRef } from '../decisionAttrs.ts';
import { withNote } from '../../../i18n/punctuation.ts';

type Props = NamesSelectProps<PersonRef>;

interface Found {
  id: string;
  displayName: string;
  unitName: string | null;
}

const SEARCH_DELAY_MS = 250;

export function PersonRefsSelect({ value, onChange, id, 'aria-label': ariaLabel }: Props) {
  const { t } = useTranslation();
  const [found, setFound] = useState<Found[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);

  const search = useCallback((q: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = setTimeout(() => {
      const ticket = ++latest.current;
      setSearching(true);
      usersApi
        .list({ q: q.trim(), pageSize: 10 })
        .then(
          ({ items }) => {
            if (ticket === latest.current)
              setFound(items.map((u) => ({ id: u.id, displayName: u.displayName, unitName: u.unitName })));
          },
          // No matches shown; what was typed can still be kept as a name.
          () => ticket === latest.current && setFound([]),
        )
        .finally(() => ticket === latest.current && setSearching(false));
    }, SEARCH_DELAY_MS);
  }, []);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // Everyone this field has shown, so a chosen id can be turned back into a name.
  const known = useMemo(() => {
    const all = new Map<string, Found>();
    for (const ref of value)
      if (ref.userId) all.set(ref.userId, { id: ref.userId, displayName: ref.name, unitName: null });
    for (const person of found) all.set(person.id, person);
    return all;
  }, [value, found]);

  const selected = value.map((ref) => ref.userId ?? ref.name);
  const change = (next: string[]) => {
    onChange(
      next
        .map((v): PersonRef => {
          const person = known.get(v);
          return person ? { userId: person.id, name: person.displayName } : { userId: null, name: v.trim() };
        })
        .filter((ref) => ref.name),
    );
  };

  return (
    <Select
      {...NAMES_SELECT}
      id={id}
      aria-label={ariaLabel}
      value={selected}
      onChange={change}
      options={[...known.values()].map((p) => ({ value: p.id, label: withNote(t, p.displayName, p.unitName) }))}
      placeholder={t('minutes.decision.personPlaceholder')}
      showSearch={{ filterOption: false, onSearch: search }}
      notFoundContent={searching ? <Spin size="small" /> : null}
    />
  );
}
