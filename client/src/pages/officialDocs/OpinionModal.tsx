// The opinion dialog of a step (审核 / 会签 / 签发): typed, with the common phrases one tap away, or written by hand on
// the InkPad (手写签批) with optional typed text beside it. The server checks the strokes and keeps them with the
// immutable opinion.
import { Flex, Form, Input, Modal, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionInk } from '../../../../common/officialDocs/opinionInk.ts';
import { InkPad } from '../../components/InkPad.tsx';
import zhCN from '../../i18n/zh-CN.ts';

type Phrase = keyof typeof zhCN.officialDocs.opinion.phraseList;
const PHRASES = Object.keys(zhCN.officialDocs.opinion.phraseList) as Phrase[];

export interface GivenOpinion {
  opinion: string;
  ink?: OpinionInk;
}

export function OpinionModal({
  open,
  signOff,
  opinionKind,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  signOff: boolean;
  opinionKind: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (opinion: GivenOpinion) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ opinion: string }>();
  const [mode, setMode] = useState<'typed' | 'byHand'>('typed');
  const [ink, setInk] = useState<OpinionInk | null>(null);
  const [missingInk, setMissingInk] = useState(false);
  const title = signOff
    ? t('officialDocs.opinion.signOffTitle')
    : opinionKind === 'countersign'
      ? t('officialDocs.opinion.countersignTitle')
      : t('officialDocs.opinion.approveTitle');
  const finish = (v: { opinion?: string }) => {
    const text = (v.opinion ?? '').trim();
    if (mode === 'typed') return void onSubmit({ opinion: text });
    if (!ink) return setMissingInk(true);
    void onSubmit({ opinion: text, ink });
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={signOff ? t('officialDocs.actions.signOff') : t('officialDocs.opinion.submit')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      afterClose={() => {
        setInk(null);
        setMode('typed');
        setMissingInk(false);
      }}
      destroyOnHidden
    >
      <Segmented<'typed' | 'byHand'>
        block
        size="large"
        value={mode}
        onChange={(m) => setMode(m)}
        options={[
          { value: 'typed', label: t('officialDocs.opinion.typed') },
          { value: 'byHand', label: <span data-testid="opinion-by-hand">{t('officialDocs.opinion.byHand')}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Form form={form} layout="vertical" onFinish={finish}>
        {mode === 'typed' ? (
          <>
            <Form.Item label={t('officialDocs.opinion.phrases')}>
              <Flex gap={6} wrap>
                {PHRASES.map((p) => (
                  <Tag.CheckableTag
                    key={p}
                    checked={false}
                    className="tb-od-phrase"
                    onChange={() => {
                      const current = form.getFieldValue('opinion') as string | undefined;
                      const phrase = t(`officialDocs.opinion.phraseList.${p}`);
                      form.setFieldValue('opinion', current?.trim() ? `${current.trim()}${phrase}` : phrase);
                    }}
                  >
                    {t(`officialDocs.opinion.phraseList.${p}`)}
                  </Tag.CheckableTag>
                ))}
              </Flex>
            </Form.Item>
            <Form.Item
              name="opinion"
              label={t('officialDocs.opinion.label')}
              rules={[{ required: true, whitespace: true, message: t('officialDocs.opinion.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="opinion-text" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item>
              <InkPad
                value={ink}
                onChange={(next) => {
                  setInk(next);
                  if (next) setMissingInk(false);
                }}
                data-testid="opinion-ink"
              />
              {missingInk && (
                <Typography.Text type="danger" data-testid="opinion-ink-required">
                  {t('officialDocs.opinion.requiredEither')}
                </Typography.Text>
              )}
            </Form.Item>
            <Form.Item name="opinion" label={t('officialDocs.opinion.typedAlso')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="opinion-text" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
