// Roles and clearance (security administrator). The three administrator duties are offered as one exclusive choice
// and never together with business roles, as the server requires.
import { Alert, Checkbox, Form, Modal, Radio, Segmented, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errorMessage.ts';
import {
  ADMIN_ROLES,
  BUSINESS_ROLES,
  CLASSIFICATIONS,
  type AdminRoleName,
  type BusinessRoleName,
  type Classification,
  type FullUser,
  type RoleName,
} from '../../../api/types.ts';
import { usersApi } from '../../../api/users.ts';
import { clearanceLabel, roleLabel } from '../../../components/labels.ts';

type Kind = 'business' | 'administrator';

interface Values {
  business: BusinessRoleName[];
  admin: AdminRoleName | undefined;
  clearance: Classification;
}

const isAdminRole = (r: RoleName): r is AdminRoleName => (ADMIN_ROLES as readonly RoleName[]).includes(r);
const isBusinessRole = (r: RoleName): r is BusinessRoleName => (BUSINESS_ROLES as readonly RoleName[]).includes(r);

function sameRoles(a: readonly RoleName[], b: readonly RoleName[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

export function UserRolesModal({
  user,
  onClose,
  onSaved,
}: {
  user: FullUser | null;
  onClose: () => void;
  onSaved: () => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<Kind>('business');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!user) return;
    setError(null);
    const admin = user.roles.find(isAdminRole);
    setKind(admin ? 'administrator' : 'business');
    form.setFieldsValue({ business: user.roles.filter(isBusinessRole), admin, clearance: user.clearance });
  }, [user, form]);

  const save = async (v: Values) => {
    if (!user) return;
    const roles: RoleName[] = kind === 'administrator' ? (v.admin ? [v.admin] : []) : v.business;
    setSaving(true);
    setError(null);
    try {
      // Clearance first: a role change ends the user's sessions, a clearance change does not.
      if (v.clearance !== user.clearance) await usersApi.setClearance(user.id, v.clearance);
      if (!sameRoles(roles, user.roles)) await usersApi.setRoles(user.id, roles);
      await onSaved();
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.rolesForm.title', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false} data-testid="roles-form">
        <Form.Item label={t('users.rolesForm.kind')}>
          <Segmented<Kind>
            block
            value={kind}
            onChange={setKind}
            options={[
              { value: 'business', label: t('users.rolesForm.business') },
              { value: 'administrator', label: t('users.rolesForm.administrator') },
            ]}
          />
        </Form.Item>
        {kind === 'business' ? (
          <Form.Item
            name="business"
            label={t('users.rolesForm.businessRoles')}
            rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesForm.businessRolesRequired') }]}
          >
            <Checkbox.Group
              className="tb-touch-options"
              options={BUSINESS_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            />
          </Form.Item>
        ) : (
          <>
            <Alert type="info" showIcon title={t('users.rolesForm.adminDutyHint')} style={{ marginBottom: 12 }} />
            <Form.Item
              name="admin"
              label={t('users.rolesForm.adminDuty')}
              rules={[{ required: true, message: t('users.rolesForm.adminDutyRequired') }]}
            >
              <Radio.Group
                className="tb-touch-options"
                aria-label={t('users.rolesForm.adminDuty')}
                data-testid="admin-duty"
                options={ADMIN_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
                style={{ display: 'flex', flexDirection: 'column' }}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="clearance" label={t('users.rolesForm.clearance')} rules={[{ required: true }]}>
          <Select options={CLASSIFICATIONS.map((c) => ({ value: c, label: clearanceLabel(t, c) }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('users.rolesForm.rolesChangedHint')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} data-testid="roles-error" />}
      </Form>
    </Modal>
  );
}
