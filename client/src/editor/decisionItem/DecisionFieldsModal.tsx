// Corrects the structured fields of a decision item (or of a proposal about to become one): lead and co-units from the
// unit directory, owners and co-owners from the people directory, the deadline or 期限待定. Large controls for tablets.
import { Checkbox, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../components/useUnits.ts';
import type { DecisionFields } from './decisionAttrs.ts';
import { PersonRefsSelect } from './fields/PersonRefsSelect.tsx';
import { UnitRefsSelect } from './fields/UnitRefsSelect.tsx';

export function DecisionFieldsModal({
  initial,
  sourceText,
  title,
  okText,
  onSave,
  onCancel,
  children,
}: {
  initial: DecisionFields;
  /** The item's words, shown for reference while its fields are set. */
  sourceText?: string;
  title: string;
  okText?: string;
  /** May be asynchronous (a proposal is saved on the server): the dialog waits. It reports its own failures. */
  onSave: (fields: DecisionFields) => void | Promise<void>;
  onCancel: () => void;
  /** Further fields shown above the decision's own (a proposal's title). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { units } = useUnits();
  const [fields, setFields] = useState<DecisionFields>(initial);
  const [saving, setSaving] = useState(false);
  const set = (changes: Partial<DecisionFields>) => setFields((f) => ({ ...f, ...changes }));

  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onOk={async () => {
        setSaving(true);
        try {
          await onSave({ ...fields, noDeadline: fields.due === null });
        } finally {
          setSaving(false);
        }
      }}
      confirmLoading={saving}
      onCancel={onCancel}
      okButtonProps={{ size: 'large', 'data-testid': 'decision-save' }}
      cancelButtonProps={{ size: 'large' }}
      width={640}
      destroyOnHidden
    >
      {sourceText && (
        <Typography.Paragraph type="secondary" className="tb-decision-quote">
          {sourceText}
        </Typography.Paragraph>
      )}
      <Form layout="vertical" size="large" component="div">
        {children}
        <Form.Item label={t('minutes.decision.leadUnits')} htmlFor="decision-lead-units">
          <UnitRefsSelect
            id="decision-lead-units"
            aria-label={t('minutes.decision.leadUnits')}
            units={units}
            value={fields.leadUnits}
            onChange={(leadUnits) => set({ leadUnits })}
          />
        </Form.Item>
        <Form.Item label={t('minutes.decision.coUnits')} htmlFor="decision-co-units">
          <UnitRefsSelect
            id="decision-co-units"
            aria-label={t('minutes.decision.coUnits')}
            units={units}
            value={fields.coUnits}
            onChange={(coUnits) => set({ coUnits })}
          />
        </Form.Item>
        <Form.Item label={t('minutes.decision.ownersLabel')} htmlFor="decision-owners">
          <PersonRefsSelect
            id="decision-owners"
            aria-label={t('minutes.decision.ownersLabel')}
            value={fields.owners}
            onChange={(owners) => set({ owners })}
          />
        </Form.Item>
        <Form.Item label={t('minutes.decision.coOwnersLabel')} htmlFor="decision-co-owners">
          <PersonRefsSelect
            id="decision-co-owners"
            aria-label={t('minutes.decision.coOwnersLabel')}
            value={fields.coOwners}
            onChange={(coOwners) => set({ coOwners })}
          />
        </Form.Item>
        <Form.Item label={t('minutes.decision.dueLabel')} htmlFor="decision-due">
          <div className="tb-decision-due">
            <DatePicker
              id="decision-due"
              aria-label={t('minutes.decision.dueLabel')}
              value={fields.due ? dayjs(fields.due) : null}
              onChange={(d) => set({ due: d ? d.format('YYYY-MM-DD') : null })}
              style={{ minWidth: 200 }}
            />
            {/* Ticked exactly when no date is set: ticking it clears the date, picking a date unticks it. */}
            <Checkbox
              checked={fields.due === null}
              onChange={(e) => e.target.checked && set({ due: null })}
              data-testid="decision-no-deadline"
            >
              {t('minutes.decision.noDeadline')}
            </Checkbox>
          </div>
        </Form.Item>
      </Form>
    </Modal>
  );
}
