// The owner shares the document with people or whole units at one of four levels (read, comment, suggest, edit).
// Saving replaces the share list; the collab server applies the change to open connections at once.
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Select, Table, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, SHARE_ACCESS, type Share, type ShareAccess } from '../../../api/documents.ts';
import { errorMessage } from '../../../api/errorMessage.ts';
import { unitTree } from '../../../components/unitTree.ts';
import { useUnits } from '../../../components/useUnits.ts';
import { useUserSearch } from './useUserSearch.ts';

const keyOf = (s: Pick<Share, 'granteeType' | 'granteeId'>) => `${s.granteeType}:${s.granteeId}`;

export function ShareModal({ documentId, open, onClose }: { documentId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [shares, setShares] = useState<Share[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const { users, searching, search } = useUserSearch();
  const { units } = useUnits();
  const unitOptions = useMemo(() => unitTree(units), [units]);

  useEffect(() => {
    if (!open) return undefined;
    let cancelled = false;
    setShares(null);
    setError(null);
    documentsApi.shares(documentId).then(
      (r) => {
        if (!cancelled) setShares(r.shares);
      },
      (err: unknown) => {
        if (!cancelled) setError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, open]);

  const add = (share: Share) =>
    setShares((list) => (list && !list.some((s) => keyOf(s) === keyOf(share)) ? [...list, share] : list));
  const setAccess = (key: string, access: ShareAccess) =>
    setShares((list) => list?.map((s) => (keyOf(s) === key ? { ...s, access } : s)) ?? null);
  const remove = (key: string) => setShares((list) => list?.filter((s) => keyOf(s) !== key) ?? null);

  const save = async () => {
    if (!shares) return;
    setSaving(true);
    try {
      await documentsApi.setShares(
        documentId,
        shares.map(({ granteeType, granteeId, access }) => ({ granteeType, granteeId, access })),
      );
      message.success(t('documents.share.saved'));
      onClose();
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  const accessOptions = SHARE_ACCESS.map((a) => ({ value: a, label: t(`documents.access.${a}`) }));
  return (
    <Modal
      open={open}
      title={t('documents.share.title')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, disabled: !shares }}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('documents.share.intro')}</Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} />}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          showSearch={{ filterOption: false, onSearch: search }}
          value={null}
          placeholder={t('documents.share.searchUser')}
          aria-label={t('documents.share.addUser')}
          notFoundContent={searching ? t('documents.comments.mentionSearching') : null}
          onFocus={() => search('')}
          options={users.map((u) => ({
            value: u.id,
            label: `${u.displayName}${u.unitName ? ` · ${u.unitName}` : ''}`,
          }))}
          onChange={(id: string) => {
            const u = users.find((x) => x.id === id);
            if (u) add({ granteeType: 'user', granteeId: u.id, granteeName: u.displayName, access: 'edit' });
          }}
          style={{ flex: '1 1 240px' }}
          data-testid="share-user"
        />
        <TreeSelect<string | null>
          treeData={unitOptions}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          value={null}
          placeholder={t('documents.share.chooseUnit')}
          aria-label={t('documents.share.addUnit')}
          onChange={(id: string | null) => {
            const u = units.find((x) => x.id === id);
            if (u) add({ granteeType: 'unit', granteeId: u.id, granteeName: u.name, access: 'view' });
          }}
          style={{ flex: '1 1 240px' }}
        />
      </Flex>
      <Table<Share>
        rowKey={keyOf}
        loading={shares === null && error === null}
        dataSource={shares ?? []}
        pagination={false}
        locale={{ emptyText: t('documents.share.empty') }}
        columns={[
          {
            title: t('documents.share.grantee'),
            key: 'grantee',
            render: (_, s) => (
              <Flex gap={8} align="center">
                <Tag>{s.granteeType === 'user' ? t('documents.share.user') : t('documents.share.unitLabel')}</Tag>
                {s.granteeName ?? s.granteeId}
              </Flex>
            ),
          },
          {
            title: t('documents.share.access'),
            key: 'access',
            width: 200,
            render: (_, s) => (
              <Select
                value={s.access}
                options={accessOptions}
                onChange={(a: ShareAccess) => setAccess(keyOf(s), a)}
                style={{ width: '100%' }}
                aria-label={t('documents.share.access')}
              />
            ),
          },
          {
            key: 'remove',
            width: 64,
            render: (_, s) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('documents.share.remove')}
                onClick={() => remove(keyOf(s))}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
