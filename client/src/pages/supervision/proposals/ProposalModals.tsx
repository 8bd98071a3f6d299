// The dialogs of the proposals review: edit (or add) a proposal — its title and the decision's fields — and split one
// proposal into several.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proposalsApi, type Proposal } from '../../../api/minutes.ts';
import { EMPTY_FIELDS, type DecisionFields } from '../../../editor/decisionItem/decisionAttrs.ts';
import { DecisionFieldsModal } from '../../../editor/decisionItem/DecisionFieldsModal.tsx';
import { minutesError } from '../../meetings/minutes/minutesErrors.ts';

const fieldsOf = (p: Proposal): DecisionFields => ({
  leadUnits: p.leadUnits,
  coUnits: p.coUnits,
  owners: p.owners,
  coOwners: p.coOwners,
  due: p.due,
  noDeadline: p.due === null,
});

/** Edits a proposal, or adds one to a meeting's when `proposal` is null. */
export function ProposalEditModal({
  meetingId,
  proposal,
  onDone,
  onCancel,
}: {
  meetingId: string;
  proposal: Proposal | null;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [title, setTitle] = useState(proposal?.title ?? '');
  const [sourceText, setSourceText] = useState('');

  const save = async (fields: DecisionFields) => {
    if (!title.trim()) {
      message.warning(t('minutes.proposals.titleRequired'));
      return;
    }
    const changes = {
      title: title.trim(),
      leadUnits: fields.leadUnits,
      coUnits: fields.coUnits,
      owners: fields.owners,
      coOwners: fields.coOwners,
      due: fields.due,
    };
    try {
      if (proposal) await proposalsApi.update(proposal.id, changes);
      else
        await proposalsApi.add({
          meetingId,
          ...changes,
          ...(sourceText.trim() ? { sourceText: sourceText.trim() } : {}),
        });
      message.success(proposal ? t('minutes.proposals.saved') : t('minutes.proposals.added'));
      await onDone();
    } catch (err) {
      message.error(minutesError(t, err));
    }
  };

  return (
    <DecisionFieldsModal
      initial={proposal ? fieldsOf(proposal) : EMPTY_FIELDS}
      sourceText={proposal?.sourceText}
      title={proposal ? t('minutes.proposals.editTitle') : t('minutes.proposals.addTitle')}
      onSave={save}
      onCancel={onCancel}
    >
      <Form.Item label={t('minutes.proposals.titleLabel')} htmlFor="proposal-title" required>
        <Input id="proposal-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </Form.Item>
      {!proposal && (
        <Form.Item label={t('minutes.proposals.sourceLabel')} htmlFor="proposal-source">
          <Input.TextArea
            id="proposal-source"
            value={sourceText}
            onChange={(e) => setSourceText(e.target.value)}
            maxLength={5000}
            autoSize={{ minRows: 2, maxRows: 6 }}
          />
        </Form.Item>
      )}
    </DecisionFieldsModal>
  );
}

/** A first guess at the parts: the item's sentences or clauses, when it has more than one. */
export function suggestedParts(text: string): string[] {
  const body = text.replace(/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])\s*/, '');
  for (const separator of [/(?<=[。！？])/, /(?<=；)/]) {
    const parts = body
      .split(separator)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length > 1) return parts;
  }
  return [body.trim(), ''];
}

export function ProposalSplitModal({
  proposal,
  onDone,
  onCancel,
}: {
  proposal: Proposal;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [parts, setParts] = useState<string[]>(() => suggestedParts(proposal.sourceText || proposal.title));
  const [saving, setSaving] = useState(false);
  const filled = parts.map((p) => p.trim()).filter(Boolean);

  const submit = async () => {
    setSaving(true);
    try {
      const { items } = await proposalsApi.split(
        proposal.id,
        filled.map((p) => ({ title: p.slice(0, 200), sourceText: p })),
      );
      message.success(t('minutes.proposals.splitDone', { count: items.length }));
      await onDone();
    } catch (err) {
      message.error(minutesError(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('minutes.proposals.splitTitle')}
      onOk={() => void submit()}
      onCancel={onCancel}
      okButtonProps={{ size: 'large', disabled: filled.length < 2, loading: saving }}
      cancelButtonProps={{ size: 'large' }}
      okText={t('minutes.proposals.split')}
      cancelText={t('common.cancel')}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('minutes.proposals.splitHint')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        {parts.map((part, i) => (
          <Flex key={i} gap={8} align="start">
            <Input.TextArea
              aria-label={t('minutes.proposals.part', { n: i + 1 })}
              placeholder={t('minutes.proposals.part', { n: i + 1 })}
              value={part}
              onChange={(e) => setParts((ps) => ps.map((p, j) => (j === i ? e.target.value : p)))}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={5000}
            />
            <Button
              size="large"
              type="text"
              icon={<MinusCircleOutlined />}
              disabled={parts.length <= 2}
              onClick={() => setParts((ps) => ps.filter((_, j) => j !== i))}
              aria-label={t('minutes.proposals.removePart')}
            />
          </Flex>
        ))}
        <Button size="large" type="dashed" icon={<PlusOutlined />} onClick={() => setParts((ps) => [...ps, ''])}>
          {t('minutes.proposals.addPart')}
        </Button>
      </Flex>
    </Modal>
  );
}
