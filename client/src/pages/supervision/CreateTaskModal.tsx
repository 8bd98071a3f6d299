// Raises a supervision task. Supervisors choose any basis; a leader records their own instruction (领导批示) and
// names the supervisor who follows it. Classification stops at the person's clearance (the server checks too).
// Raised from a document (转为督办 on a 收文), the basis is that document: an upper-level document for the supervision
// desk, the leader's own instruction on it for a leader; the form names it instead of asking for its id.
import { App, DatePicker, Form, Input, Modal, Select, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BASIS_TYPES,
  PRIORITIES,
  supervisionApi,
  type BasisType,
  type Capabilities,
  type NewTask,
  type Person,
  type Priority,
} from '../../api/supervision.ts';
import { CLASSIFICATIONS, type Classification } from '../../api/types.ts';
import { clearanceLabel } from '../../components/labels.ts';
import { unitTree } from '../../components/unitTree.ts';
import { useUnits } from '../../components/useUnits.ts';
import { useActiveSession } from '../../session/sessionContext.ts';
import { supervisionError } from './supervisionLabels.tsx';
import { withNote } from '../../i18n/punctuation.ts';
import { notPast } from './dateRules.ts';
import { BasisDocumentPicker } from './BasisDocumentPicker.tsx';

// What a basis may name: minutes for a meeting decision; a 公文 or a document for an upper-level document.
const MINUTES = ['minutes'] as const;
const UPPER_DOCUMENTS = ['officialDoc', 'document'] as const;

interface Values {
  title: string;
  basisType: BasisType;
  basisText?: string;
  instructedById?: string;
  minutesDocumentId?: string;
  decisionAnchor?: string;
  sourceDocumentId?: string;
  leadUnitId: string;
  coUnitIds?: string[];
  requirement: string;
  dueDate: Dayjs;
  priority: Priority;
  classification: Classification;
  supervisorId?: string;
}

/** The document a task is raised from (转为督办): its editor document's id and its title. */
export interface TaskSource {
  documentId: string;
  title: string;
}

export function CreateTaskModal({
  open,
  capabilities,
  source,
  onClose,
  onCreated,
}: {
  open: boolean;
  capabilities: Capabilities;
  source?: TaskSource | undefined;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useActiveSession();
  const { units } = useUnits();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [supervisors, setSupervisors] = useState<Person[]>([]);
  const [leaders, setLeaders] = useState<Person[]>([]);
  const basisType = Form.useWatch('basisType', form);
  const isSupervisor = capabilities.createAnyBasis;
  const ceiling = CLASSIFICATIONS.indexOf(user.clearance as Classification);
  const classifications = CLASSIFICATIONS.filter((_, level) => level <= Math.max(ceiling, 0));

  useEffect(() => {
    if (!open) return;
    void supervisionApi.people({ role: 'supervisor' }).then(
      (r) => setSupervisors(r.items),
      () => setSupervisors([]),
    );
    if (isSupervisor)
      void supervisionApi.people({ role: 'leader' }).then(
        (r) => setLeaders(r.items),
        () => setLeaders([]),
      );
  }, [open, isSupervisor]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body: NewTask = {
        title: v.title.trim(),
        basisType: v.basisType,
        basisText: v.basisText?.trim() || undefined,
        leadUnitId: v.leadUnitId,
        coUnitIds: v.coUnitIds ?? [],
        requirement: v.requirement.trim(),
        dueDate: v.dueDate.format('YYYY-MM-DD'),
        priority: v.priority,
        classification: v.classification,
        ...(v.basisType === 'leader_instruction' && v.instructedById ? { instructedById: v.instructedById } : {}),
        ...(v.basisType === 'meeting_decision'
          ? { minutesDocumentId: v.minutesDocumentId?.trim() || null, decisionAnchor: v.decisionAnchor?.trim() || null }
          : {}),
        ...(source && (v.basisType === 'upper_document' || v.basisType === 'leader_instruction')
          ? { sourceDocumentId: source.documentId }
          : v.basisType === 'upper_document'
            ? { sourceDocumentId: v.sourceDocumentId?.trim() || null }
            : {}),
        ...(v.supervisorId ? { supervisorId: v.supervisorId } : {}),
      };
      const { id } = await supervisionApi.create(body);
      message.success(t('supervision.form.created'));
      form.resetFields();
      onCreated(id);
    } catch (err) {
      message.error(supervisionError(t, err));
    } finally {
      setSaving(false);
    }
  };

  const required = (text: string) => [{ required: true, whitespace: true, message: text }];
  const tree = unitTree(units);
  return (
    <Modal
      open={open}
      title={t('supervision.create')}
      okText={t('supervision.form.submit')}
      cancelText={t('supervision.dialogs.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{
          title: source?.title,
          basisType: source && isSupervisor ? 'upper_document' : 'leader_instruction',
          priority: 'normal',
          classification: classifications.includes('internal') ? 'internal' : classifications[0],
          supervisorId: isSupervisor ? user.id : undefined,
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="title"
          label={t('supervision.form.title')}
          rules={required(t('supervision.form.titleRequired'))}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="basisType" label={t('supervision.form.basisType')}>
          <Select
            disabled={!isSupervisor}
            options={BASIS_TYPES.map((b) => ({ value: b, label: t(`supervision.basis.${b}`) }))}
          />
        </Form.Item>
        {(basisType === 'leader_instruction' || basisType === 'other') && (
          <Form.Item
            name="basisText"
            label={t('supervision.form.basisText')}
            rules={required(t('supervision.form.basisTextRequired'))}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        )}
        {basisType === 'leader_instruction' && isSupervisor && (
          <Form.Item
            name="instructedById"
            label={t('supervision.form.instructedBy')}
            rules={[{ required: true, message: t('supervision.dialogs.required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={leaders.map((p) => ({ value: p.id, label: withNote(t, p.displayName, p.title) }))}
            />
          </Form.Item>
        )}
        {basisType === 'meeting_decision' && (
          <>
            <Form.Item
              name="minutesDocumentId"
              label={t('supervision.form.minutesDocument')}
              rules={required(t('supervision.dialogs.required'))}
            >
              <BasisDocumentPicker kinds={MINUTES} />
            </Form.Item>
            <Form.Item name="decisionAnchor" label={t('supervision.form.decisionAnchor')}>
              <Input />
            </Form.Item>
          </>
        )}
        {source && (basisType === 'upper_document' || basisType === 'leader_instruction') && (
          <Form.Item label={t('supervision.form.basisDocument')}>
            <Typography.Text strong data-testid="task-source-document">
              {source.title}
            </Typography.Text>
          </Form.Item>
        )}
        {basisType === 'upper_document' && !source && (
          <Form.Item
            name="sourceDocumentId"
            label={t('supervision.form.sourceDocument')}
            rules={required(t('supervision.dialogs.required'))}
          >
            <BasisDocumentPicker kinds={UPPER_DOCUMENTS} />
          </Form.Item>
        )}
        <Form.Item
          name="leadUnitId"
          label={t('supervision.form.leadUnit')}
          rules={[{ required: true, message: t('supervision.form.leadUnitRequired') }]}
        >
          <TreeSelect
            showSearch
            treeDefaultExpandAll
            treeData={tree}
            treeNodeFilterProp="title"
            aria-label={t('supervision.form.leadUnit')}
          />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('supervision.form.coUnits')}>
          <TreeSelect
            multiple
            showSearch
            treeDefaultExpandAll
            treeData={tree}
            treeNodeFilterProp="title"
            aria-label={t('supervision.form.coUnits')}
          />
        </Form.Item>
        <Form.Item
          name="requirement"
          label={t('supervision.form.requirement')}
          rules={required(t('supervision.form.requirementRequired'))}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('supervision.form.dueDate')}
          rules={[{ required: true, message: t('supervision.form.dueDateRequired') }, notPast(t)]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="priority" label={t('supervision.form.priority')}>
          <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`supervision.priority.${p}`) }))} />
        </Form.Item>
        <Form.Item name="classification" label={t('supervision.form.classification')}>
          <Select options={classifications.map((c) => ({ value: c, label: clearanceLabel(t, c) }))} />
        </Form.Item>
        <Form.Item
          name="supervisorId"
          label={t('supervision.form.supervisor')}
          rules={[{ required: true, message: t('supervision.dialogs.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={supervisors.map((p) => ({ value: p.id, label: withNote(t, p.displayName, p.title) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
