// Beside the disabled close button: the objections that keep the confirmation open, who raised them and what they
// said, who may answer them (the server's minutes.resolve: the minute-taker and the host), and, for someone who may,
// the answer right there.
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Confirmation, MinutesInfo } from '../../../api/minutes.ts';
import { listOf } from '../../../i18n/punctuation.ts';

export function OpenObjections({ minutes, onResolve }: { minutes: MinutesInfo; onResolve: (c: Confirmation) => void }) {
  const { t } = useTranslation();
  const open = minutes.confirmations.filter((c) => c.state === 'objected' && c.resolution === null);
  if (open.length === 0) return null;
  const names = listOf(
    t,
    minutes.resolvers.map((r) => t(`minutes.bar.resolverRole.${r.role}`, { name: r.displayName })),
  );
  return (
    <section
      className="tb-minutes-objections"
      aria-label={t('minutes.bar.openObjections', { count: open.length })}
      data-testid="minutes-open-objections"
    >
      <Typography.Text strong>{t('minutes.bar.openObjections', { count: open.length })}</Typography.Text>
      <Typography.Text type="secondary">{t('minutes.bar.objectionWaits')}</Typography.Text>
      <ul>
        {open.map((c) => (
          <li key={c.userId} data-testid="minutes-open-objection" data-user-id={c.userId}>
            <Flex gap={6} align="center" wrap>
              <Tag color="red">{t('minutes.bar.state.objected')}</Tag>
              <Typography.Text>{c.name}</Typography.Text>
              <Typography.Text type="secondary">{c.unitName}</Typography.Text>
              {c.comment && <Typography.Text className="tb-minutes-objections__comment">{c.comment}</Typography.Text>}
              {minutes.me.canResolve && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => onResolve(c)}
                  data-testid="minutes-open-objection-resolve"
                >
                  {t('minutes.bar.resolve')}
                </Button>
              )}
            </Flex>
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary" data-testid="minutes-resolvers">
        {names ? t('minutes.bar.resolvers', { names }) : t('minutes.bar.noResolver')}
      </Typography.Text>
      {minutes.me.canResolve && <Typography.Text type="secondary">{t('minutes.bar.hostMayResolve')}</Typography.Text>}
    </section>
  );
}
