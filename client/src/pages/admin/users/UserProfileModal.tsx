// Create an account, or edit its profile and move it to another unit (system administrator).
import { Alert, Form, Input, Modal, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errorMessage.ts';
import type { FullUser, Unit } from '../../../api/types.ts';
import { usersApi } from '../../../api/users.ts';
import { unitTree } from '../../../components/unitTree.ts';

export type ProfileTarget = { mode: 'create' } | { mode: 'edit'; user: FullUser };

interface Values {
  username: string;
  displayName: string;
  unitId: string;
  title?: string;
  email?: string;
  phone?: string;
  officePhone?: string;
}

interface Props {
  target: ProfileTarget | null;
  units: Unit[];
  onClose: () => void;
  onSaved: (created?: { displayName: string; temporaryPassword: string | null }) => void | Promise<void>;
}

const USERNAME = /^[a-zA-Z0-9._-]{3,32}$/;
const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

export function UserProfileModal({ target, units, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setError(null);
    if (target?.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({
        username: u.username,
        displayName: u.displayName,
        unitId: u.unitId,
        title: u.title,
        email: u.email ?? '',
        phone: u.phone ?? '',
        officePhone: u.officePhone,
      });
    } else if (target) {
      form.resetFields();
    }
  }, [target, form]);

  const save = async (v: Values) => {
    if (!target) return;
    setSaving(true);
    setError(null);
    try {
      const profile = {
        displayName: v.displayName.trim(),
        unitId: v.unitId,
        title: v.title?.trim() ?? '',
        email: blankToNull(v.email),
        phone: blankToNull(v.phone),
        officePhone: v.officePhone?.trim() ?? '',
      };
      if (target.mode === 'create') {
        const created = await usersApi.create({ username: v.username.trim(), ...profile });
        await onSaved({ displayName: profile.displayName, temporaryPassword: created.temporaryPassword });
      } else {
        await usersApi.update(target.user.id, profile);
        await onSaved();
      }
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? t('users.form.editTitle') : t('users.form.createTitle')}
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
          name="username"
          label={t('users.form.username')}
          rules={[{ required: true, pattern: USERNAME, message: t('users.form.usernameRule') }]}
        >
          <Input disabled={target?.mode === 'edit'} autoCapitalize="none" spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('users.form.unit')}
          rules={[{ required: true, message: t('users.form.unitRequired') }]}
        >
          <TreeSelect treeData={unitTree(units)} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="title" label={t('users.form.title')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.form.email')}
          rules={[{ type: 'email', message: t('users.form.emailInvalid') }]}
        >
          <Input inputMode="email" maxLength={128} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.form.phone')}>
          <Input inputMode="tel" maxLength={32} />
        </Form.Item>
        <Form.Item name="officePhone" label={t('users.form.officePhone')} extra={t('users.form.officePhoneHint')}>
          <Input inputMode="tel" maxLength={32} data-testid="office-phone" />
        </Form.Item>
        {target?.mode === 'create' && (
          <Typography.Paragraph type="secondary">{t('users.form.createHint')}</Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
