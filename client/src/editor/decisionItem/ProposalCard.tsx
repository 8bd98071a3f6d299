// The extractor's proposal under a numbered paragraph of the minutes: what it read (lead units, co-units, owners,
// deadline) and one tap to take it — the paragraph becomes decision items with those fields, confirmed — or to correct
// it first, or to wave it away.
import { CheckOutlined, CloseOutlined, EditOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { convertTransaction, newDecisionId } from './convertParagraph.ts';
import { fieldsFromTask, type DecisionAttrs, type DecisionFields } from './decisionAttrs.ts';
import { DecisionChips } from './DecisionChips.tsx';
import { DecisionFieldsModal } from './DecisionFieldsModal.tsx';
import { currentProposal, dismissProposal, type ProposalWidgetProps } from './liveExtraction.ts';
import { useMinutesEditing } from './minutesEditingContext.ts';
import './decisionItem.css';

export function ProposalCard({ editor, proposalId, stale }: ProposalWidgetProps & { editor: Editor }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { units, people } = useMinutesEditing();
  const [correcting, setCorrecting] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // The minutes were just finalised (or access withdrawn): the next reading clears the proposals; until then, nothing to take.
  const editable = useEditorState({ editor, selector: (ctx) => ctx.editor.isEditable });
  const proposal = currentProposal(editor.state, proposalId);
  if (!proposal || !editable) return null;

  /** Takes the proposal as read, with the corrected fields of one item if given. */
  const take = async (corrected?: { index: number; fields: DecisionFields }) => {
    setBusy(true);
    try {
      const names = proposal.tasks.flatMap(({ task }) => [...task.owners, ...task.coOwners]);
      const index = await people.resolve(names);
      // The paragraph may have changed while the names were looked up: take only what is still there as read.
      const latest = currentProposal(editor.state, proposalId);
      if (!latest || latest.text !== proposal.text) {
        message.info(t('minutes.proposal.changed'));
        return;
      }
      const attrs: DecisionAttrs[] = latest.tasks.map(({ task }, i) => ({
        id: newDecisionId(),
        ...(corrected?.index === i ? corrected.fields : fieldsFromTask(task, units, index)),
        confirmed: true,
      }));
      const tr = convertTransaction(editor.state, latest, attrs);
      if (!tr) {
        message.info(t('minutes.proposal.changed'));
        return;
      }
      editor.view.dispatch(tr);
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  const correctingTask = correcting === null ? null : proposal.tasks[correcting];
  return (
    <div
      className="tb-proposal"
      contentEditable={false}
      data-testid="decision-proposal"
      data-stale={stale ? 'true' : 'false'}
    >
      <Flex align="center" gap={8} wrap className="tb-proposal__head">
        <ThunderboltOutlined className="tb-proposal__icon" />
        <Typography.Text strong>
          {proposal.tasks.length > 1
            ? t('minutes.proposal.titleMany', { count: proposal.tasks.length })
            : t('minutes.proposal.title')}
        </Typography.Text>
        {stale && <Typography.Text type="secondary">{t('minutes.proposal.updating')}</Typography.Text>}
      </Flex>
      {proposal.tasks.map(({ task }, i) => (
        <Flex
          key={`${task.start}-${i}`}
          align="center"
          gap={8}
          wrap
          className="tb-proposal__task"
          data-testid="proposal-task"
        >
          {proposal.tasks.length > 1 && (
            <Typography.Text type="secondary" className="tb-proposal__excerpt">
              {task.title}
            </Typography.Text>
          )}
          <DecisionChips fields={fieldsFromTask(task, units, new Map())} />
          <Button
            size="large"
            type="text"
            icon={<EditOutlined />}
            disabled={stale || busy}
            onClick={() => setCorrecting(i)}
            data-testid="proposal-correct"
          >
            {t('minutes.proposal.correct')}
          </Button>
        </Flex>
      ))}
      <Flex gap={8} wrap className="tb-proposal__actions">
        <Button
          size="large"
          type="primary"
          icon={<CheckOutlined />}
          loading={busy}
          disabled={stale}
          onClick={() => void take()}
          data-testid="proposal-accept"
        >
          {t('minutes.proposal.accept')}
        </Button>
        <Button
          size="large"
          icon={<CloseOutlined />}
          disabled={busy}
          onClick={() => dismissProposal(editor, proposal.text)}
          data-testid="proposal-dismiss"
        >
          {t('minutes.proposal.dismiss')}
        </Button>
      </Flex>
      {correctingTask && correcting !== null && (
        <DecisionFieldsModal
          initial={fieldsFromTask(correctingTask.task, units, new Map())}
          sourceText={correctingTask.task.sourceText}
          title={t('minutes.proposal.correctTitle')}
          okText={t('minutes.proposal.acceptCorrected')}
          onSave={(fields) => {
            setCorrecting(null);
            void take({ index: correcting, fields });
          }}
          onCancel={() => setCorrecting(null)}
        />
      )}
    </div>
  );
}
