// Picks units for a decision item: units of the directory (found by name, short name or alias), or a name typed as
// written when the unit is not in the directory (another district's bureau, 各镇街).
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NAMES_SELECT, type NamesSelectProps } from './namesSelect.ts';
import { matchUnit, type DirectoryUnit, type UnitRef } from '../decisionAttrs.ts';
import { withNote } from '../../../i18n/punctuation.ts';

interface Props extends NamesSelectProps<UnitRef> {
  units: readonly DirectoryUnit[];
}

export function UnitRefsSelect({ value, onChange, units, id, 'aria-label': ariaLabel }: Props) {
  const { t } = useTranslation();
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const options = useMemo(
    () =>
      units.map((u) => ({
        value: u.id,
        label: withNote(t, u.name, u.shortName !== u.name ? u.shortName : null),
        search: [u.name, u.shortName ?? '', ...u.aliases].join(' '),
      })),
    [units, t],
  );
  const selected = value.map((ref) => (ref.unitId && byId.has(ref.unitId) ? ref.unitId : ref.name));

  const change = (next: string[]) => {
    onChange(
      next
        .map((v): UnitRef => {
          const unit = byId.get(v);
          if (unit) return value.find((ref) => ref.unitId === v) ?? { unitId: unit.id, name: unit.name };
          // Typed: linked when the directory knows the name, kept as written either way.
          return { unitId: matchUnit(v, units)?.id ?? null, name: v.trim() };
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
      options={options}
      placeholder={t('minutes.decision.unitPlaceholder')}
      showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(input.trim()) }}
    />
  );
}
