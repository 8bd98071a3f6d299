// Create a unit, or rename and move one (never under itself or its own sub-units), and set its 机构代码 for 档号.
import { Alert, App, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_CODE_PATTERN } from '../../../../../common/archive/archive.ts';
import { errorMessage } from '../../../api/errorMessage.ts';
import type { Unit } from '../../../api/types.ts';
import { unitsApi } from '../../../api/units.ts';
import { unitTree } from '../../../components/unitTree.ts';

export type UnitFormTarget = { mode: 'create'; parentId: string | null } | { mode: 'edit'; unit: Unit };

interface Values {
  name: string;
  shortName?: string;
  aliases?: string[];
  parentId?: string | null;
  sortOrder?: number | null;
  archiveCode?: string;
}

interface Props {
  target: UnitFormTarget | null;
  units: Unit[];
  onClose: () => void;
  onSaved: (id: string) => void | Promise<void>;
}

export function UnitFormModal({ target, units, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.unit;
      form.setFieldsValue({
        name: u.name,
        shortName: u.shortName ?? '',
        aliases: u.aliases,
        parentId: u.parentId,
        sortOrder: u.sortOrder,
        archiveCode: u.archiveCode ?? '',
      });
    } else {
      form.setFieldsValue({ parentId: target.parentId });
    }
  }, [target, form]);

  const save = async (v: Values) => {
    if (!target) return;
    setSaving(true);
    setError(null);
    const body = {
      name: v.name.trim(),
      shortName: v.shortName?.trim() ? v.shortName.trim() : null,
      aliases: (v.aliases ?? []).map((a) => a.trim()).filter(Boolean),
      parentId: v.parentId ?? null,
      ...(typeof v.sortOrder === 'number' ? { sortOrder: v.sortOrder } : {}),
      archiveCode: v.archiveCode?.trim() ? v.archiveCode.trim().toUpperCase() : null,
    };
    try {
      const id = target.mode === 'create' ? (await unitsApi.create(body)).id : target.unit.id;
      if (target.mode === 'edit') await unitsApi.update(id, body);
      message.success(t('units.saved'));
      await onSaved(id);
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  const parentChoices = unitTree(units, target?.mode === 'edit' ? target.unit.id : undefined);
  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? t('units.form.editTitle') : t('units.form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('units.form.name')}
          rules={[{ required: true, whitespace: true, message: t('units.form.nameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="shortName" label={t('units.form.shortName')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="aliases" label={t('units.form.aliases')} extra={t('units.form.aliasesHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.form.parent')}>
          <TreeSelect
            treeData={parentChoices}
            treeDefaultExpandAll
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('units.form.parentNone')}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.form.sortOrder')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="archiveCode"
          label={t('units.form.archiveCode')}
          extra={t('units.form.archiveCodeHint')}
          normalize={(v: string) => v.toUpperCase()}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v?.trim() || ARCHIVE_CODE_PATTERN.test(v.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('units.form.archiveCodeInvalid'))),
            },
          ]}
        >
          <Input maxLength={16} style={{ width: 240 }} data-testid="unit-archive-code" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
