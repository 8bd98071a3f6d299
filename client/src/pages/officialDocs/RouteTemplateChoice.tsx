// 送审 with a route template (流程模板): pick one of those that fit the 公文 (its 文种's first), see its steps as the
// server resolved them for this document — who handles each, the candidates a handler will choose from, the 办理时限
// and what 特急 skips — and, where the first step is chosen by the drafter, choose among its candidates. Nothing else
// of the route can be changed here: that is what the template is for.
import { Alert, Flex, List, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RouteTemplateOffer } from '../../api/officialDocs.ts';
import { kindName } from './officialDocLabels.tsx';

const names = (people: ReadonlyArray<{ name: string }>) => people.map((p) => p.name).join('、');

export function RouteTemplateChoice({
  offers,
  templateId,
  onTemplate,
  choose,
  onChoose,
  tried,
}: {
  offers: RouteTemplateOffer[];
  templateId: string | undefined;
  onTemplate: (id: string) => void;
  choose: string[];
  onChoose: (ids: string[]) => void;
  tried: boolean;
}) {
  const { t } = useTranslation();
  const offer = offers.find((o) => o.id === templateId);
  const first = offer?.steps[0];
  return (
    <Flex vertical gap={8}>
      <Select<string>
        size="large"
        value={templateId}
        onChange={onTemplate}
        aria-label={t('routeTemplates.submit.template')}
        data-testid="route-template-select"
        options={offers.map((o) => ({
          value: o.id,
          label: `${o.name} · ${o.kind ? kindName(o.kind) : t('routeTemplates.allKinds')}`,
        }))}
      />
      {offer?.problem && (
        <Alert
          type="warning"
          showIcon
          title={t('routeTemplates.submit.unusable', { message: offer.problem.message })}
        />
      )}
      {offer && !offer.problem && (
        <List
          size="small"
          bordered
          dataSource={offer.steps}
          data-testid="route-template-steps"
          renderItem={(step, i) => (
            <List.Item>
              <Flex vertical gap={2}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{`${i + 1}. ${step.name}`}</Typography.Text>
                  <Tag>
                    {t(`officialDocs.route.kind.${step.kind}`)}
                    {step.kind === 'parallel' ? ` · ${t(`officialDocs.route.mode.${step.mode}`)}` : ''}
                  </Tag>
                  {step.deadlineDays !== null && (
                    <Tag color="blue">{t('routeTemplates.deadline', { days: step.deadlineDays })}</Tag>
                  )}
                  {step.skipWhenUrgent && <Tag color="orange">{t('routeTemplates.skipWhenUrgent')}</Tag>}
                </Flex>
                <Typography.Text type="secondary">
                  {step.candidates
                    ? `${t('routeTemplates.chosenBy')} · ${t('routeTemplates.submit.candidates', { names: names(step.candidates) })}`
                    : names(step.handlers)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {first?.candidates && !offer?.problem && (
        <label className="tb-od-inline-field">
          {t('routeTemplates.submit.chooseFirst', { step: first.name })}
          <Select<string[]>
            className="tb-od-grow"
            size="large"
            mode="multiple"
            maxCount={first.kind === 'single' ? 1 : undefined}
            value={choose}
            onChange={onChoose}
            status={tried && choose.length === 0 ? 'error' : undefined}
            options={first.candidates.map((p) => ({ value: p.id, label: p.name }))}
          />
        </label>
      )}
    </Flex>
  );
}

/** Whether the choice can be sent: a usable template, and the first step's handler chosen when it is to be chosen. */
export function choiceComplete(offer: RouteTemplateOffer | undefined, choose: readonly string[]): boolean {
  if (!offer || offer.problem) return false;
  return !offer.steps[0]?.candidates || choose.length > 0;
}
