// The node view of a decision item in the minutes: its words (edited like any paragraph) and, beside them, its fields
// as chips with a button to correct them and, for an item not yet looked at, one to confirm it. Its element carries
// the anchor a supervision task links to (#decision-<id>).
import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { NodeViewContent, NodeViewWrapper, useEditorState, type ReactNodeViewProps } from '@tiptap/react';
import { Button, Tag, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionAnchor, type DecisionFields } from './decisionAttrs.ts';
import { DecisionChips } from './DecisionChips.tsx';
import { DecisionFieldsModal } from './DecisionFieldsModal.tsx';
import { useMinutesEditing } from './minutesEditingContext.ts';
import { readDecisionAttrs } from './nodeAttrs.ts';
import './decisionItem.css';

export function DecisionItemView({ node, editor, updateAttributes }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const attrs = readDecisionAttrs(node.attrs);
  const editable = useEditorState({ editor, selector: (ctx) => ctx.editor.isEditable });
  const [editing, setEditing] = useState(false);
  const { targetDecisionId } = useMinutesEditing();
  const targeted = targetDecisionId !== null && targetDecisionId === attrs.id;
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (targeted) element.current?.scrollIntoView({ block: 'center' });
  }, [targeted]);

  const save = (fields: DecisionFields) => {
    updateAttributes({ ...fields, confirmed: true });
    setEditing(false);
  };

  const className = [
    'tb-decision',
    attrs.confirmed ? '' : 'tb-decision--unconfirmed',
    targeted ? 'tb-decision--target' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <NodeViewWrapper
      ref={element}
      id={attrs.id ? decisionAnchor(attrs.id) : undefined}
      className={className}
      data-decision-id={attrs.id}
      data-confirmed={attrs.confirmed ? 'true' : 'false'}
      data-testid="decision-item"
    >
      <NodeViewContent as="div" className="tb-decision__text" />
      <div className="tb-decision__fields" contentEditable={false}>
        <DecisionChips fields={attrs} />
        {!attrs.confirmed && <Tag color="gold">{t('minutes.decision.unconfirmed')}</Tag>}
        {editable && (
          <span className="tb-decision__actions">
            {!attrs.confirmed && (
              <Tooltip title={t('minutes.decision.confirmHint')}>
                <Button
                  size="large"
                  icon={<CheckOutlined />}
                  onClick={() => updateAttributes({ confirmed: true })}
                  data-testid="decision-confirm"
                >
                  {t('minutes.decision.confirm')}
                </Button>
              </Tooltip>
            )}
            <Button
              size="large"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              aria-label={t('minutes.decision.edit')}
              data-testid="decision-edit"
            />
          </span>
        )}
      </div>
      {editing && (
        <DecisionFieldsModal
          initial={attrs}
          sourceText={node.textContent}
          title={t('minutes.decision.editTitle')}
          onSave={save}
          onCancel={() => setEditing(false)}
        />
      )}
    </NodeViewWrapper>
  );
}
