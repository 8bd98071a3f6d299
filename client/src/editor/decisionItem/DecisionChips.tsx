// The structured fields of a decision item at a glance: 牵头, 配合, 责任人, 配合人, and the deadline or 期限待定.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DecisionFields, PersonRef, UnitRef } from './decisionAttrs.ts';
import { labelled, listOf } from '../../i18n/punctuation.ts';

export function DecisionChips({ fields }: { fields: DecisionFields }) {
  const { t } = useTranslation();
  const names = (label: string, refs: ReadonlyArray<UnitRef | PersonRef>) =>
    labelled(
      t,
      label,
      listOf(
        t,
        refs.map((r) => r.name),
      ),
    );
  const noLead = fields.leadUnits.length + fields.owners.length === 0;
  return (
    <span className="tb-decision-chips">
      {fields.leadUnits.length > 0 && (
        <Tag color="blue" data-testid="decision-lead">
          {names(t('minutes.decision.lead'), fields.leadUnits)}
        </Tag>
      )}
      {fields.coUnits.length > 0 && (
        <Tag data-testid="decision-co">{names(t('minutes.decision.co'), fields.coUnits)}</Tag>
      )}
      {fields.owners.length > 0 && (
        <Tag color="purple" data-testid="decision-owners">
          {names(t('minutes.decision.owners'), fields.owners)}
        </Tag>
      )}
      {fields.coOwners.length > 0 && (
        <Tag data-testid="decision-co-owners">{names(t('minutes.decision.coOwners'), fields.coOwners)}</Tag>
      )}
      {noLead && (
        <Tag color="red" data-testid="decision-no-lead">
          {t('minutes.decision.noLead')}
        </Tag>
      )}
      {fields.due ? (
        <Tag color="green" data-testid="decision-due">
          {labelled(t, t('minutes.decision.due'), fields.due)}
        </Tag>
      ) : (
        <Tag color="orange" data-testid="decision-due">
          {t('minutes.decision.noDeadline')}
        </Tag>
      )}
    </span>
  );
}
