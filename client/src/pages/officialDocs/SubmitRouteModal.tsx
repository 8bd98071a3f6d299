// 送审: the drafter lays out the route — steps one after another, each handled by one person, by several in turn, or
// as 会签 in parallel (all must, or any one may), with handlers named as people or as a role in a unit; steps an
// urgent (特急) document skips. The last step is the 签发.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Input, InputNumber, Modal, Segmented, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficialDoc, StepInput, Submission } from '../../api/officialDocs.ts';
import { BUSINESS_ROLES, type BusinessRoleName } from '../../api/types.ts';
import { roleLabel } from '../../components/labels.ts';
import { useUnits } from '../../components/useUnits.ts';
import { PeoplePicker } from './PeoplePicker.tsx';

interface DraftStep {
  key: number;
  name: string;
  kind: StepInput['kind'];
  mode: 'all' | 'any';
  by: 'people' | 'role';
  userIds: string[];
  unitId: string | undefined;
  role: BusinessRoleName;
  skipWhenUrgent: boolean;
  /** 办理时限 in working days; none when empty. */
  deadlineDays: number | null;
}

let nextKey = 1;
const step = (name: string, kind: StepInput['kind']): DraftStep => ({
  key: nextKey++,
  name,
  kind,
  mode: 'all',
  by: 'people',
  userIds: [],
  unitId: undefined,
  role: 'leader',
  skipWhenUrgent: false,
  deadlineDays: null,
});

const named = (s: DraftStep) => (s.by === 'people' ? s.userIds.length > 0 : s.unitId !== undefined);

export function SubmitRouteModal({
  open,
  doc,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  doc: OfficialDoc;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (submission: Submission) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { units } = useUnits();
  const [steps, setSteps] = useState<DraftStep[]>([]);
  const [urgent, setUrgent] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!open) return;
    setSteps([
      step(t('officialDocs.submitForm.defaultCountersign'), 'parallel'),
      step(t('officialDocs.submitForm.defaultSignOff'), 'single'),
    ]);
    setUrgent(doc.urgency === 'extra_urgent');
    setTried(false);
  }, [open, doc.urgency, t]);

  const change = (key: number, patch: Partial<DraftStep>) =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const valid = steps.length > 0 && steps.every((s) => s.name.trim() && named(s));

  const submit = () => {
    setTried(true);
    if (!valid) return;
    void onSubmit({
      urgent,
      steps: steps.map((s, i) => ({
        id: `s${i + 1}`,
        name: s.name.trim(),
        kind: s.kind,
        ...(s.kind === 'parallel' ? { mode: s.mode } : {}),
        handlers: s.by === 'people' ? s.userIds.map((userId) => ({ userId })) : [{ unitId: s.unitId!, role: s.role }],
        ...(s.skipWhenUrgent ? { skipWhenUrgent: true } : {}),
        ...(s.deadlineDays ? { deadlineDays: s.deadlineDays } : {}),
      })),
    });
  };

  return (
    <Modal
      open={open}
      title={t('officialDocs.submitForm.title')}
      okText={t('officialDocs.submitForm.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onCancel}
      onOk={submit}
      width={720}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Checkbox checked={urgent} onChange={(e) => setUrgent(e.target.checked)} data-testid="route-urgent">
          {t('officialDocs.submitForm.urgent')}
        </Checkbox>
        <Typography.Text type="secondary">{t('officialDocs.submitForm.lastIsSignOff')}</Typography.Text>
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
                onClick={() => setSteps((all) => all.filter((x) => x.key !== s.key))}
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
                  multiple={s.kind !== 'single'}
                  ariaLabel={t('officialDocs.submitForm.people')}
                />
              ) : (
                <Flex gap={8} wrap>
                  <Select
                    className="tb-od-grow"
                    size="large"
                    showSearch={{ optionFilterProp: 'label' }}
                    value={s.unitId}
                    onChange={(unitId: string) => change(s.key, { unitId })}
                    aria-label={t('officialDocs.submitForm.unit')}
                    placeholder={t('officialDocs.submitForm.unit')}
                    options={units.map((u) => ({ value: u.id, label: u.name }))}
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
            setSteps((all) => [
              ...all.slice(0, -1),
              step(t('officialDocs.submitForm.defaultReview'), 'single'),
              ...all.slice(-1),
            ])
          }
        >
          {t('officialDocs.submitForm.addStep')}
        </Button>
        {tried && !valid && <Alert type="error" showIcon title={t('officialDocs.submitForm.handlersRequired')} />}
      </Flex>
    </Modal>
  );
}
