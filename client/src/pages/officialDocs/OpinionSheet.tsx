// 办文单: the opinion sheet beside the 正文 — every opinion in the order given, with its step, who gave it (and 代 when
// a deputy gave it for someone), the decision, the text or the handwriting (手写签批, drawn as SVG) and the time.
// Opinions are immutable on the server.
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { HANDWRITTEN_OPINION_TEXT } from '../../../../common/officialDocs/opinionInk.ts';
import type { Opinion } from '../../api/officialDocs.ts';
import { InkDrawing } from '../../components/InkDrawing.tsx';
import { opinionKindName } from './officialDocLabels.tsx';

const DECISION_COLORS: Record<string, string> = { approve: 'green', return: 'orange', signoff: 'purple' };

export function OpinionSheet({ opinions }: { opinions: Opinion[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('officialDocs.opinions.title')} data-testid="opinion-sheet">
      {opinions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('officialDocs.opinions.empty')} />
      ) : (
        <ol className="tb-od-opinions">
          {opinions.map((o) => (
            <li key={o.id} className="tb-od-opinion" data-testid="opinion">
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>{o.stepName}</Typography.Text>
                <Tag>{opinionKindName(o.kind)}</Tag>
                {o.decision in DECISION_COLORS && (
                  <Tag color={DECISION_COLORS[o.decision]}>
                    {t(`officialDocs.opinions.decision.${o.decision as 'approve' | 'return' | 'signoff'}`)}
                  </Tag>
                )}
              </Flex>
              {o.ink ? (
                <>
                  <InkDrawing
                    ink={o.ink}
                    label={t('officialDocs.opinions.handwriting', { name: o.by.name })}
                    className="tb-od-opinion__ink"
                    style={{ maxWidth: 420 }}
                    data-testid="opinion-ink"
                  />
                  {o.text !== HANDWRITTEN_OPINION_TEXT && (
                    <Typography.Paragraph className="tb-od-opinion__text">{o.text}</Typography.Paragraph>
                  )}
                </>
              ) : (
                <Typography.Paragraph className="tb-od-opinion__text">{o.text}</Typography.Paragraph>
              )}
              <Flex justify="space-between" wrap gap={6}>
                <Typography.Text data-testid="opinion-by">
                  {o.onBehalfOf
                    ? t('officialDocs.opinions.onBehalfOf', { deputy: o.by.name, principal: o.onBehalfOf.name })
                    : o.by.name}
                </Typography.Text>
                <Typography.Text type="secondary">{dayjs(o.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
              </Flex>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
