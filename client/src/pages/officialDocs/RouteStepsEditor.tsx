// The steps of a route as one lays them out — for a 送审 of one's own and for a route template (流程模板): each step
// handled by one person, by several in turn, or as 会签 in parallel (all must, or any one may), its handlers named as
// people or as a role in units (in a template, also as candidates the previous handler chooses from), a 办理时限, and
// whether an urgent (特急) document skips it. The last step is the 签发.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, InputNumber, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandlerInput, StepInput } from '../../api/officialDocs.ts';
import { BUSINESS_ROLES, type BusinessRoleName } from '../../api/types.ts';
import { roleLabel } from '../../components/labels.ts';
import { useUnits } from '../../components/useUnits.ts';
import { PeoplePicker } from './PeoplePicker.tsx';

export interface DraftStep {
  key: number;
  name: string;
  kind: StepInput['kind'];
  mode: 'all' | 'any';
  by: 'people' | 'role';
  userIds: string[];
  unitIds: string[];
  role: BusinessRoleName;
  /** The previous handler (the drafter, for the first step) chooses among these people. */
  chosen: boolean;
  skipWhenUrgent: boolean;
  /** 办理时限 in working days; none when empty. */
  deadlineDays: number | null;
}

let nextKey = 1;
export const draftStep = (name: string, kind: StepInput['kind']): DraftStep => ({
  key: nextKey++,
  name,
  kind,
  mode: 'all',
  by: 'people',
  userIds: [],
  unitIds: [],
  role: 'leader',
  chosen: false,
  skipWhenUrgent: false,
  deadlineDays: null,
});

/** A step as written (a template's) in the editor's terms: people, or one role in some units. */
export function stepToDraft(step: StepInput): DraftStep {
  const specs: HandlerInput[] = step.chooseFrom?.length ? step.chooseFrom : (step.handlers ?? []);
  const people = specs.flatMap((h) => ('userId' in h ? [h.userId] : []));
  const roles = specs.flatMap((h) => ('unitId' in h ? [h] : []));
  return {
    ...draftStep(step.name, step.kind),
    mode: step.mode ?? 'all',
    by: people.length === 0 && roles.length > 0 ? 'role' : 'people',
    userIds: people,
    unitIds: roles.map((r) => r.unitId),
    role: roles[0]?.role ?? 'leader',
    chosen: !!step.chooseFrom?.length,
    skipWhenUrgent: step.skipWhenUrgent ?? false,
    deadlineDays: step.deadlineDays ?? null,
  };
}

export function draftToStep(s: DraftStep, index: number): StepInput {
  const specs: HandlerInput[] =
    s.by === 'people' ? s.userIds.map((userId) => ({ userId })) : s.unitIds.map((unitId) => ({ unitId, role: s.role }));
  return {
    id: `s${index + 1}`,
    name: s.name.trim(),
    kind: s.kind,
    ...(s.kind === 'parallel' ? { mode: s.mode } : {}),
    ...(s.chosen ? { chooseFrom: specs } : { handlers: specs }),
    ...(s.skipWhenUrgent ? { skipWhenUrgent: true } : {}),
    ...(s.deadlineDays ? { deadlineDays: s.deadlineDays } : {}),
  };
}

export const stepNamed = (s: DraftStep) =>
  s.name.trim() !== '' && (s.by === 'people' ? s.userIds.length > 0 : s.unitIds.length > 0);

export function RouteStepsEditor({
  steps,
  onChange,
  tried,
  allowChoice = false,
  names = {},
}: {
  steps: DraftStep[];
  onChange: (steps: DraftStep[]) => void;
  /** Whether to mark what is missing (after a first attempt to save). */
  tried: boolean;
  /** A template may leave a step's handlers to the previous handler's choice. */
  allowChoice?: boolean;
  /** Names of people already named, by id. */
  names?: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const { units } = useUnits();
  const change = (key: number, patch: Partial<DraftStep>) =>
    onChange(steps.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  return (
    <Flex vertical gap={12}>
      {steps.map((s, i) => (
        <Card
          key={s.key}
          size="small"
          data-testid={`route-step-${i}`}
          title={
            <Input
              value={s.name}
              onChange={(e) => change(s.key, { name: e.target.value })}
              aria-label={t('officialDocs.submitForm.stepName')}
              maxLength={60}
              status={tried && !s.name.trim() ? 'error' : undefined}
            />
          }
          extra={
            <Button
              type="text"
              icon={<DeleteOutlined />}
              disabled={steps.length === 1}
              onClick={() => onChange(steps.filter((x) => x.key !== s.key))}
              aria-label={t('officialDocs.submitForm.removeStep')}
            />
          }
        >
          <Flex vertical gap={8}>
            <Flex gap={8} wrap align="center">
              <Segmented<StepInput['kind']>
                value={s.kind}
                onChange={(kind) => change(s.key, { kind })}
                options={(['single', 'serial', 'parallel'] as const).map((k) => ({
                  value: k,
                  label: t(`officialDocs.route.kind.${k}`),
                }))}
                aria-label={t('officialDocs.submitForm.stepKind')}
              />
              {s.kind === 'parallel' && (
                <Segmented<'all' | 'any'>
                  value={s.mode}
                  onChange={(mode) => change(s.key, { mode })}
                  options={(['all', 'any'] as const).map((m) => ({
                    value: m,
                    label: t(`officialDocs.route.mode.${m}`),
                  }))}
                  aria-label={t('officialDocs.submitForm.mode')}
                />
              )}
            </Flex>
            <Segmented<'people' | 'role'>
              value={s.by}
              onChange={(by) => change(s.key, { by })}
              options={[
                { value: 'people', label: t('officialDocs.submitForm.byPeople') },
                { value: 'role', label: t('officialDocs.submitForm.byRole') },
              ]}
              aria-label={t('officialDocs.submitForm.handlerType')}
            />
            {s.by === 'people' ? (
              <PeoplePicker
                value={s.userIds}
                onChange={(userIds) => change(s.key, { userIds })}
                multiple={s.kind !== 'single' || s.chosen}
                ariaLabel={t('officialDocs.submitForm.people')}
                names={names}
              />
            ) : (
              <Flex gap={8} wrap>
                <Select<string[]>
                  className="tb-od-grow"
                  size="large"
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={s.unitIds}
                  onChange={(unitIds) => change(s.key, { unitIds })}
                  aria-label={t('routeTemplates.step.units')}
                  placeholder={t('officialDocs.submitForm.unit')}
                  options={units.map((u) => ({ value: u.id, label: u.name }))}
                  status={tried && s.unitIds.length === 0 ? 'error' : undefined}
                />
                <Select<BusinessRoleName>
                  size="large"
                  value={s.role}
                  onChange={(role) => change(s.key, { role })}
                  aria-label={t('officialDocs.submitForm.role')}
                  options={BUSINESS_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
                />
              </Flex>
            )}
            <Flex gap={12} wrap align="center">
              {allowChoice && (
                <Checkbox checked={s.chosen} onChange={(e) => change(s.key, { chosen: e.target.checked })}>
                  {t('routeTemplates.step.chosen')}
                </Checkbox>
              )}
              <label className="tb-od-inline-field">
                {t('officialDocs.submitForm.deadlineDays')}
                <InputNumber<number>
                  min={1}
                  max={60}
                  precision={0}
                  value={s.deadlineDays}
                  onChange={(deadlineDays) => change(s.key, { deadlineDays })}
                />
              </label>
              <Checkbox
                checked={s.skipWhenUrgent}
                onChange={(e) => change(s.key, { skipWhenUrgent: e.target.checked })}
              >
                {t('officialDocs.submitForm.skipWhenUrgent')}
              </Checkbox>
            </Flex>
          </Flex>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        size="large"
        onClick={() =>
          onChange([
            ...steps.slice(0, -1),
            draftStep(t('officialDocs.submitForm.defaultReview'), 'single'),
            ...steps.slice(-1),
          ])
        }
      >
        {t('officialDocs.submitForm.addStep')}
      </Button>
    </Flex>
  );
}
