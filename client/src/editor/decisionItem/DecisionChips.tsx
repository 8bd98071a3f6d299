// The structured fields of a decision item at a glance: 牵头, 配合, 责任人, 配合人, and the deadline or 期限待定.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DecisionFields, PersonRef, UnitRef } from './decisionAttrs.ts';

const names = (refs: ReadonlyArray<UnitRef | PersonRef>) => refs.map((r) => r.name).join('、');

export function DecisionChips({ fields }: { fields: DecisionFields }) {
  const { t } = useTranslation();
  const noLead = fields.leadUnits.length + fields.owners.length === 0;
  return (
    <span className="tb-decision-chips">
      {fields.leadUnits.length > 0 && (
        <Tag color="blue" data-testid="decision-lead">{t('minutes.decision.lead')}：{names(fields.leadUnits)}</Tag>
      )}
      {fields.coUnits.length > 0 && <Tag data-testid="decision-co">{t('minutes.decision.co')}：{names(fields.coUnits)}</Tag>}
      {fields.owners.length > 0 && <Tag color="purple" data-testid="decision-owners">{t('minutes.decision.owners')}：{names(fields.owners)}</Tag>}
      {fields.coOwners.length > 0 && <Tag data-testid="decision-co-owners">{t('minutes.decision.coOwners')}：{names(fields.coOwners)}</Tag>}
      {noLead && <Tag color="red" data-testid="decision-no-lead">{t('minutes.decision.noLead')}</Tag>}
      {fields.due
        ? <Tag color="green" data-testid="decision-due">{t('minutes.decision.due')}：{fields.due}</Tag>
        : <Tag color="orange" data-testid="decision-due">{t('minutes.decision.noDeadline')}</Tag>}
    </span>
  );
}
