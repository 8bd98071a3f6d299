// The owner's workflow steps for a draft: submit for review, return for changes, finalise, reopen. The server freezes
// a version at each step, switches review mode and read-only as the step requires, and notifies the people concerned.
import { BranchesOutlined, DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  documentsApi,
  WORKFLOW_STEPS,
  type DocumentInfo,
  type DocumentStatus,
  type WorkflowAction,
} from '../../../api/documents.ts';
import { errorMessage } from '../../../api/errorMessage.ts';

const isStatus = (s: string): s is DocumentStatus => Object.hasOwn(WORKFLOW_STEPS, s);

export function WorkflowMenu({
  info,
  beforeStep,
  onStepped,
}: {
  info: DocumentInfo;
  /** Each step freezes a version of the server's copy: this person's last changes must be in it. */
  beforeStep: () => Promise<void>;
  onStepped: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const steps = isStatus(info.status) ? WORKFLOW_STEPS[info.status] : [];
  if (steps.length === 0) return null;

  const step = (action: WorkflowAction) => {
    let note = '';
    modal.confirm({
      title: t('documents.workflow.confirm', { action: t(`documents.workflow.${action}`), title: info.title }),
      content: (
        <>
          <Typography.Paragraph type="secondary">{t(`documents.workflow.hints.${action}`)}</Typography.Paragraph>
          <Input.TextArea
            aria-label={t('documents.workflow.note')}
            placeholder={t('documents.workflow.note')}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            onChange={(e) => {
              note = e.target.value;
            }}
          />
        </>
      ),
      okText: t(`documents.workflow.${action}`),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy(true);
        try {
          await beforeStep();
          await documentsApi.workflow(info.id, action, note.trim());
          message.success(t('documents.workflow.done', { action: t(`documents.workflow.${action}`) }));
          await onStepped();
        } catch (err) {
          message.error(errorMessage(t, err));
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Dropdown
      menu={{
        items: steps.map((action) => ({
          key: action,
          label: t(`documents.workflow.${action}`),
          onClick: () => step(action),
        })),
      }}
      trigger={['click']}
    >
      <Button
        icon={<BranchesOutlined />}
        loading={busy}
        data-testid="workflow"
        aria-label={t('documents.workflow.menu')}
      >
        <span className="tb-label-wide">{t('documents.workflow.menu')}</span> <DownOutlined />
      </Button>
    </Dropdown>
  );
}
