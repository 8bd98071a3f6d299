// 办理记录: the 公文's timeline (drafted, received, opened, acted with the opinion, 催办, deadline reminders — who and
// when) for everyone who reads it, and its 查阅留痕 (reads and downloads) for the drafter and the issuing office, whom
// the server alone answers; for anyone else that tab is not shown.
import { Card, Empty, Flex, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officialDocsApi, type AccessLogEntry, type OfficialDoc, type TimelineEntry } from '../../api/officialDocs.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { listOf } from '../../i18n/punctuation.ts';

type ActionKey = keyof typeof zhCN.officialDocs.actions;
type KindKey = keyof typeof zhCN.officialDocs.trail.kind;
type WhatKey = keyof typeof zhCN.officialDocs.trail.what;
const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

export function TrailCard({ doc }: { doc: OfficialDoc }) {
  const { t } = useTranslation();
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [log, setLog] = useState<AccessLogEntry[] | null>(null);

  // Reloaded whenever the 公文 changes (updatedAt moves with every action).
  useEffect(() => {
    let cancelled = false;
    officialDocsApi.timeline(doc.id).then(
      ({ items }) => !cancelled && setTimeline(items),
      // The timeline is a view of what the panel already shows; a failed load leaves it empty.
      () => !cancelled && setTimeline([]),
    );
    officialDocsApi.accessLog(doc.id).then(
      ({ items }) => !cancelled && setLog(items),
      // Only the drafter and the office see who read it: for everyone else there is no such tab.
      () => !cancelled && setLog(null),
    );
    return () => {
      cancelled = true;
    };
  }, [doc.id, doc.updatedAt]);

  const label = (e: TimelineEntry) => {
    if (e.kind.startsWith('route.')) {
      const action = e.kind.slice('route.'.length);
      return Object.hasOwn(zhCN.officialDocs.actions, action)
        ? t(`officialDocs.actions.${action as ActionKey}`)
        : action === 'open'
          ? t('officialDocs.trail.kind.open')
          : t('officialDocs.trail.kind.route');
    }
    return Object.hasOwn(zhCN.officialDocs.trail.kind, e.kind)
      ? t(`officialDocs.trail.kind.${e.kind as KindKey}`)
      : e.kind;
  };
  const what = (w: string) =>
    Object.hasOwn(zhCN.officialDocs.trail.what, w) ? t(`officialDocs.trail.what.${w as WhatKey}`) : w;

  const timelineTab =
    timeline.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('officialDocs.trail.empty')} />
    ) : (
      <Timeline
        items={timeline.map((e) => ({
          key: e.id,
          children: (
            <Flex vertical gap={2} data-testid="trail-entry">
              <Flex gap={6} wrap align="center">
                <Tag>{label(e)}</Tag>
                {e.step && <Typography.Text>{e.step.name}</Typography.Text>}
                <Typography.Text type="secondary">{time(e.at)}</Typography.Text>
              </Flex>
              {e.by && (
                <Typography.Text>
                  {e.onBehalfOf
                    ? t('officialDocs.opinions.onBehalfOf', { deputy: e.by.name, principal: e.onBehalfOf.name })
                    : e.by.name}
                </Typography.Text>
              )}
              {e.people.length > 0 && (
                <Typography.Text type="secondary">
                  {t('officialDocs.trail.to', {
                    names: listOf(
                      t,
                      e.people.map((p) => p.name),
                    ),
                  })}
                </Typography.Text>
              )}
              {e.opinion && <Typography.Text italic>{e.opinion.text}</Typography.Text>}
              {e.message && <Typography.Text italic>{e.message}</Typography.Text>}
              {e.deadline && (
                <Typography.Text type="warning">
                  {t('officialDocs.trail.deadline', { date: e.deadline })}
                </Typography.Text>
              )}
            </Flex>
          ),
        }))}
      />
    );

  const items = [{ key: 'timeline', label: t('officialDocs.trail.timeline'), children: timelineTab }];
  if (log !== null)
    items.push({
      key: 'access',
      label: t('officialDocs.trail.accessLog'),
      children:
        log.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('officialDocs.trail.empty')} />
        ) : (
          <Flex vertical gap={6} data-testid="access-log">
            {log.map((e) => (
              <Flex key={e.id} justify="space-between" gap={6} wrap>
                <Typography.Text>
                  {e.by?.name ?? '—'} · {t(`officialDocs.trail.${e.kind}`)} {what(e.what)}
                  {e.sealed ? ` · ${t('officialDocs.trail.sealed')}` : ''}
                </Typography.Text>
                <Typography.Text type="secondary">{time(e.at)}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        ),
    });
  return (
    <Card size="small" title={t('officialDocs.trail.title')} data-testid="trail">
      <Tabs size="small" items={items} />
    </Card>
  );
}
