// The route of a 公文: each step with how it is handled (single, in turn, 会签 all/any), its state, and each handler's
// state — so anyone can see who the document is waiting for.
import { Card, Flex, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficialDoc } from '../../api/officialDocs.ts';
import { listOf } from '../../i18n/punctuation.ts';

const HANDLER_COLORS: Record<string, string> = {
  pending: 'gold',
  opened: 'blue',
  done: 'green',
  transferred: 'default',
};

export function RouteView({ doc }: { doc: OfficialDoc }) {
  const { t } = useTranslation();
  const { route } = doc;
  const active = route.steps[route.current];
  const waiting = active?.handlers.filter((h) => h.state === 'pending' || h.state === 'opened') ?? [];
  return (
    <Card size="small" title={t('officialDocs.route.title')} data-testid="route">
      {route.steps.length === 0 ? (
        <Typography.Text type="secondary">{t('officialDocs.route.notSubmitted')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {route.urgent && <Tag color="red">{t('officialDocs.route.urgent')}</Tag>}
          {doc.status === 'in_route' && waiting.length > 0 && (
            <Typography.Text strong data-testid="route-waiting">
              {t('officialDocs.route.waiting', {
                names: listOf(
                  t,
                  waiting.map((h) => h.name),
                ),
              })}
            </Typography.Text>
          )}
          <Steps
            direction="vertical"
            size="small"
            current={doc.status === 'in_route' ? route.current : route.steps.length}
            items={route.steps.map((s) => ({
              status: s.state === 'done' ? 'finish' : s.state === 'active' ? 'process' : 'wait',
              title: (
                <Flex gap={4} wrap align="center">
                  <span>{s.name}</span>
                  <Tag>
                    {s.kind === 'parallel'
                      ? t(`officialDocs.route.mode.${s.mode}`)
                      : t(`officialDocs.route.kind.${s.kind}`)}
                  </Tag>
                  {s.state === 'skipped' && <Tag>{t('officialDocs.route.skipped')}</Tag>}
                  {s.deadlineDays !== null && (
                    <Tag color="blue">{t('officialDocs.route.deadlineDays', { count: s.deadlineDays })}</Tag>
                  )}
                </Flex>
              ),
              description: (
                <Flex gap={4} wrap>
                  {s.handlers.map((h) => (
                    <Tag key={h.id} color={HANDLER_COLORS[h.state]} data-testid="route-handler">
                      {h.name} · {t(`officialDocs.route.handlerState.${h.state}`)}
                      {h.actedBy && h.actedBy.id !== h.id
                        ? ` · ${t('officialDocs.route.actedBy', { name: h.actedBy.name })}`
                        : ''}
                      {h.addedBy ? ` · ${t('officialDocs.route.addedBy', { name: h.addedBy.name })}` : ''}
                      {h.dueOn ? ` · ${t('officialDocs.route.dueOn', { date: h.dueOn })}` : ''}
                    </Tag>
                  ))}
                </Flex>
              ),
            }))}
          />
        </Flex>
      )}
    </Card>
  );
}
