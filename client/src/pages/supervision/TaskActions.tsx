// The buttons for what the person may do next on a task (the server's list), each with its dialog: sign, assign,
// report progress with attachments, ask for an extension or coordination, submit, and the supervisor's decisions.
import { UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  TreeSelect,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supervisionApi, type TaskAction, type TaskDetail } from '../../api/supervision.ts';
import { usersApi } from '../../api/users.ts';
import { unitTree } from '../../components/unitTree.ts';
import { useUnits } from '../../components/useUnits.ts';
import { useSupervision } from './supervisionContext.ts';
import { supervisionError } from './supervisionLabels.tsx';
import { withNote } from '../../i18n/punctuation.ts';
import { laterThan, notPast } from './dateRules.ts';

type Dialog =
  | 'sign'
  | 'assign'
  | 'report_progress'
  | 'request_extension'
  | 'extension'
  | 'request_coordination'
  | 'record_coordination'
  | 'submit'
  | 'accept'
  | 'return';

/** Which dialog each action opens; approve and refuse share the extension decision. */
const DIALOG: Record<TaskAction, Dialog> = {
  sign: 'sign',
  co_sign: 'sign',
  assign: 'assign',
  report_progress: 'report_progress',
  request_extension: 'request_extension',
  approve_extension: 'extension',
  refuse_extension: 'extension',
  request_coordination: 'request_coordination',
  record_coordination: 'record_coordination',
  submit: 'submit',
  accept: 'accept',
  return: 'return',
};
const PRIMARY = new Set<TaskAction>(['sign', 'co_sign', 'submit', 'accept', 'approve_extension']);
const DANGER = new Set<TaskAction>(['return', 'refuse_extension']);

export function TaskActions({ task, onChanged }: { task: TaskDetail; onChanged: (next: TaskDetail) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ dialog: Dialog; action: TaskAction } | null>(null);
  // co_sign is offered by the lifecycle to co-unit handlers; a lead handler signs with "sign".
  const actions = task.actions.filter((a) => !(a === 'co_sign' && task.coUnits.every((u) => u.signed)));
  const coordinationsOpen = task.coordinations.some((c) => c.status === 'open');
  const shown = actions.filter((a) => a !== 'record_coordination' || coordinationsOpen);
  if (shown.length === 0) return null;
  return (
    <>
      <Flex gap={8} wrap data-testid="task-actions">
        {shown.map((a) => (
          <Button
            key={a}
            size="large"
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={DANGER.has(a)}
            onClick={() => setOpen({ dialog: DIALOG[a], action: a })}
          >
            {t(`supervision.actions.${a}`)}
          </Button>
        ))}
      </Flex>
      {open && (
        <ActionDialog
          task={task}
          dialog={open.dialog}
          action={open.action}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
        />
      )}
    </>
  );
}

interface FormValues {
  note?: string;
  ownerId?: string;
  coOwnerIds?: string[];
  text?: string;
  percent?: number;
  reason?: string;
  date?: Dayjs;
  difficulty?: string;
  unitIds?: string[];
  coordinationId?: string;
  outcome?: string;
  summary?: string;
  requirement?: string;
}

function ActionDialog({
  task,
  dialog,
  action,
  onClose,
  onDone,
}: {
  task: TaskDetail;
  dialog: Dialog;
  action: TaskAction;
  onClose: () => void;
  onDone: (next: TaskDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { capabilities } = useSupervision();
  const { units } = useUnits();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [people, setPeople] = useState<Array<{ id: string; displayName: string; title: string }>>([]);
  const [uploaded, setUploaded] = useState<Array<{ id: string; name: string }>>([]);
  const [uploading, setUploading] = useState(false);

  useEffect(() => {
    if (dialog !== 'assign' || !task.assignUnitId) return;
    void usersApi.list({ unitId: task.assignUnitId, page: 1, pageSize: 200 }).then(
      (r) => setPeople(r.items),
      () => setPeople([]),
    );
  }, [dialog, task.assignUnitId]);

  const required = [{ required: true, whitespace: true, message: t('supervision.dialogs.required') }];
  const requiredPick = [{ required: true, message: t('supervision.dialogs.required') }];
  const id = task.id;

  const run = async (v: FormValues) => {
    setSaving(true);
    try {
      const attachmentIds = uploaded.map((u) => u.id);
      const next = await (() => {
        switch (dialog) {
          case 'sign':
            return supervisionApi.sign(id, v.note ?? '');
          case 'assign':
            return supervisionApi.assign(id, {
              ...(task.assignUnitId === task.leadUnitId ? { ownerId: v.ownerId } : {}),
              coOwnerIds: v.coOwnerIds ?? [],
            });
          case 'report_progress':
            return supervisionApi.progress(id, { text: v.text!.trim(), percent: v.percent ?? 0, attachmentIds });
          case 'request_extension':
            return supervisionApi.requestExtension(id, {
              reason: v.reason!.trim(),
              toDueDate: v.date!.format('YYYY-MM-DD'),
            });
          case 'extension':
            return supervisionApi.decideExtension(id, {
              approve: action === 'approve_extension',
              note: v.note?.trim() || undefined,
            });
          case 'request_coordination':
            return supervisionApi.requestCoordination(id, {
              difficulty: v.difficulty!.trim(),
              unitIds: v.unitIds ?? [],
            });
          case 'record_coordination':
            return supervisionApi.recordCoordination(id, v.coordinationId!, v.outcome!.trim());
          case 'submit':
            return supervisionApi.submit(id, { summary: v.summary!.trim(), attachmentIds });
          case 'accept':
            return supervisionApi.decideAcceptance(id, { accept: true, note: v.note?.trim() || undefined });
          case 'return':
            return supervisionApi.decideAcceptance(id, {
              accept: false,
              requirement: v.requirement!.trim(),
              dueDate: v.date!.format('YYYY-MM-DD'),
            });
        }
      })();
      message.success(t('supervision.dialogs.done'));
      onDone(next);
    } catch (err) {
      message.error(supervisionError(t, err));
    } finally {
      setSaving(false);
    }
  };

  const uploader = (
    <Form.Item
      label={t('supervision.dialogs.attachments')}
      extra={t('supervision.dialogs.uploadHint', { mb: capabilities?.maxAttachmentMb ?? 20 })}
    >
      <Upload
        showUploadList={false}
        multiple
        customRequest={(options) => {
          const file = options.file as File;
          setUploading(true);
          supervisionApi
            .upload(id, file)
            .then(
              (r) => {
                setUploaded((list) => [...list, { id: r.id, name: file.name }]);
                options.onSuccess?.(r);
              },
              (err: unknown) => {
                message.error(supervisionError(t, err));
                options.onError?.(err instanceof Error ? err : new Error(String(err)));
              },
            )
            .finally(() => setUploading(false));
        }}
      >
        <Button size="large" icon={<UploadOutlined />} loading={uploading}>
          {t('supervision.dialogs.upload')}
        </Button>
      </Upload>
      {uploaded.length > 0 && (
        <List
          size="small"
          dataSource={uploaded}
          renderItem={(u) => (
            <List.Item data-testid="uploaded-file">{t('supervision.dialogs.uploaded', { name: u.name })}</List.Item>
          )}
        />
      )}
    </Form.Item>
  );

  const body = (() => {
    switch (dialog) {
      case 'sign':
      case 'accept':
      case 'extension':
        return (
          <Form.Item
            name="note"
            label={dialog === 'accept' ? t('supervision.dialogs.acceptNote') : t('supervision.dialogs.note')}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        );
      case 'assign':
        return (
          <>
            {task.assignUnitId === task.leadUnitId && (
              <Form.Item
                name="ownerId"
                label={t('supervision.dialogs.owner')}
                rules={[{ required: true, message: t('supervision.dialogs.ownerRequired') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  aria-label={t('supervision.dialogs.owner')}
                  options={people.map((p) => ({ value: p.id, label: withNote(t, p.displayName, p.title) }))}
                />
              </Form.Item>
            )}
            <Form.Item name="coOwnerIds" label={t('supervision.dialogs.coOwners')}>
              <Select
                mode="multiple"
                showSearch
                optionFilterProp="label"
                aria-label={t('supervision.dialogs.coOwners')}
                options={people.map((p) => ({ value: p.id, label: withNote(t, p.displayName, p.title) }))}
              />
            </Form.Item>
          </>
        );
      case 'report_progress':
        return (
          <>
            <Form.Item name="text" label={t('supervision.dialogs.progressText')} rules={required}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item name="percent" label={t('supervision.dialogs.percent')} rules={requiredPick}>
              <InputNumber min={0} max={100} step={10} style={{ width: 160 }} />
            </Form.Item>
            {uploader}
          </>
        );
      case 'request_extension':
        return (
          <>
            <Form.Item name="reason" label={t('supervision.dialogs.reason')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name="date"
              label={t('supervision.dialogs.newDueDate')}
              rules={[...requiredPick, notPast(t), laterThan(t, task.deadlineDate)]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        );
      case 'request_coordination':
        return (
          <>
            <Form.Item name="difficulty" label={t('supervision.dialogs.difficulty')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="unitIds" label={t('supervision.dialogs.helpUnits')}>
              <TreeSelect multiple treeDefaultExpandAll treeData={unitTree(units)} treeNodeFilterProp="title" />
            </Form.Item>
          </>
        );
      case 'record_coordination':
        return (
          <>
            <Form.Item
              name="coordinationId"
              label={t('supervision.dialogs.coordination')}
              rules={requiredPick}
              initialValue={task.coordinations.find((c) => c.status === 'open')?.id}
            >
              <Select
                options={task.coordinations
                  .filter((c) => c.status === 'open')
                  .map((c) => ({ value: c.id, label: c.difficulty }))}
              />
            </Form.Item>
            <Form.Item name="outcome" label={t('supervision.dialogs.outcome')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        );
      case 'submit':
        return (
          <>
            <Form.Item name="summary" label={t('supervision.dialogs.summary')} rules={required}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            {uploader}
          </>
        );
      case 'return':
        return (
          <>
            <Form.Item name="requirement" label={t('supervision.dialogs.requirement')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name="date"
              label={t('supervision.dialogs.rectifyDueDate')}
              rules={[...requiredPick, notPast(t)]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        );
    }
  })();

  return (
    <Modal
      open
      title={<Typography.Text strong>{t(`supervision.actions.${action}`)}</Typography.Text>}
      okText={t('supervision.dialogs.confirm')}
      cancelText={t('supervision.dialogs.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, size: 'large', disabled: uploading }}
      cancelButtonProps={{ size: 'large' }}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" size="large" onFinish={(v) => void run(v)}>
        {body}
      </Form>
    </Modal>
  );
}
