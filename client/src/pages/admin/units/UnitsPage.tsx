// 管理 › 组织机构: the unit tree. The system administrator creates, renames and moves units; the other administrators
// see it read-only. A unit just created or moved is shown: the tree expands down to it and selects it.
import { ApartmentOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Spin, Tag, Tree, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errorMessage.ts';
import { unitAncestors, unitTree, type UnitNode } from '../../../components/unitTree.ts';
import { useUnits } from '../../../components/useUnits.ts';
import { useWideLayout } from '../../../components/useWideLayout.ts';
import { useSession } from '../../../session/sessionContext.ts';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal.tsx';

interface TreeItem {
  key: string;
  title: ReactNode;
  children: TreeItem[];
}

export default function UnitsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { units, loading, error, reload } = useUnits();
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<UnitFormTarget | null>(null);
  // null until someone opens or closes a branch: everything open, as the tree first shows.
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [reveal, setReveal] = useState<string | null>(null);
  const editable = session.can('unit.update');
  const wide = useWideLayout();
  const details = useRef<HTMLDivElement>(null);

  const select = (id: string | null) => {
    setSelected(id);
    // In portrait the details sit below a long tree: bring them into view.
    if (id && !wide)
      window.requestAnimationFrame(() => details.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const parents = useMemo(() => [...new Set(units.flatMap((u) => (u.parentId ? [u.parentId] : [])))], [units]);
  const expandedKeys = expanded ?? parents;

  // Once the reloaded list has the saved unit: open every branch above it, select it, and scroll it into view.
  useEffect(() => {
    if (!reveal || !units.some((u) => u.id === reveal)) return;
    const path = unitAncestors(units, reveal);
    setExpanded((keys) => [...new Set([...(keys ?? parents), ...path])]);
    setReveal(null);
    setSelected(reveal);
    window.requestAnimationFrame(() =>
      document.querySelector(`[data-unit-id="${CSS.escape(reveal)}"]`)?.scrollIntoView({ block: 'nearest' }),
    );
  }, [reveal, units, parents]);

  const treeData = useMemo(() => {
    const decorate = (nodes: UnitNode[]): TreeItem[] =>
      nodes.map((n) => ({
        key: n.key,
        title: (
          <span className="tb-unit-title" data-unit-id={n.key}>
            {n.title}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('units.members', { count: n.unit.memberCount })}
            </Typography.Text>
          </span>
        ),
        children: decorate(n.children),
      }));
    return decorate(unitTree(units));
  }, [units, t]);

  const unit = units.find((u) => u.id === selected) ?? null;
  const parent = unit?.parentId ? units.find((u) => u.id === unit.parentId) : undefined;

  return (
    <Flex vertical gap={16}>
      {!editable && <Alert type="info" showIcon title={t('units.readOnly')} />}
      {error !== null && (
        <Alert type="error" showIcon title={t('common.loadFailed', { message: errorMessage(t, error) })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card
            title={
              <Space>
                <ApartmentOutlined />
                {t('admin.tabs.units')}
              </Space>
            }
            extra={
              session.can('unit.create') && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setForm({ mode: 'create', parentId: null })}
                >
                  {t('units.create')}
                </Button>
              )
            }
          >
            {loading && units.length === 0 ? (
              <Spin />
            ) : units.length === 0 ? (
              <Empty description={t('units.empty')} />
            ) : (
              <Tree
                className="tb-unit-tree"
                treeData={treeData}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys.map(String))}
                blockNode
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => select(keys[0] === undefined ? null : String(keys[0]))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13} ref={details}>
          <Card
            title={t('units.details')}
            extra={
              unit &&
              editable && (
                <Space wrap>
                  <Button icon={<EditOutlined />} onClick={() => setForm({ mode: 'edit', unit })}>
                    {t('common.edit')}
                  </Button>
                  {session.can('unit.create') && (
                    <Button icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', parentId: unit.id })}>
                      {t('units.createChild')}
                    </Button>
                  )}
                </Space>
              )
            }
          >
            {unit ? (
              <Descriptions
                column={1}
                items={[
                  { key: 'name', label: t('units.fields.name'), children: unit.name },
                  { key: 'short', label: t('units.fields.shortName'), children: unit.shortName ?? '—' },
                  {
                    key: 'aliases',
                    label: t('units.fields.aliases'),
                    children: unit.aliases.length ? (
                      <Space wrap>
                        {unit.aliases.map((a) => (
                          <Tag key={a}>{a}</Tag>
                        ))}
                      </Space>
                    ) : (
                      '—'
                    ),
                  },
                  { key: 'parent', label: t('units.fields.parent'), children: parent?.name ?? '—' },
                  { key: 'archiveCode', label: t('units.fields.archiveCode'), children: unit.archiveCode ?? '—' },
                  { key: 'members', label: t('units.fields.memberCount'), children: unit.memberCount },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('units.selectHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <UnitFormModal
        target={form}
        units={units}
        onClose={() => setForm(null)}
        onSaved={async (id) => {
          setForm(null);
          await reload();
          setReveal(id);
        }}
      />
    </Flex>
  );
}
