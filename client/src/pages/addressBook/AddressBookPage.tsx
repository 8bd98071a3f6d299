// 通讯录: find people of the organisation by name, pinyin initials (cm → 陈明), 职务 or office phone, or browse a unit
// with the units below it. The server lists only whom the address-book policy allows, with the fields it allows.
import { App, Card, Col, Flex, Input, Row, Table, Tree, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { addressBookApi, type AddressBookEntry } from '../../api/workbench.ts';
import { unitTree } from '../../components/unitTree.ts';
import { useUnits } from '../../components/useUnits.ts';
import { useWideLayout } from '../../components/useWideLayout.ts';

const PAGE_SIZE = 20;
const ALL = 'all';

export default function AddressBookPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { units } = useUnits();
  const wide = useWideLayout();
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<AddressBookEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const body = await addressBookApi.search({ q, unitId, page, pageSize: PAGE_SIZE });
      setRows(body.items);
      setTotal(body.total);
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setLoading(false);
    }
  }, [q, unitId, page, message, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: ColumnsType<AddressBookEntry> = [
    {
      title: t('workbench.addressBook.columns.name'),
      dataIndex: 'displayName',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('workbench.addressBook.columns.unit'),
      key: 'unit',
      render: (_, r) => <span title={r.unit.path.join(' › ')}>{r.unit.name}</span>,
    },
    { title: t('workbench.addressBook.columns.title'), dataIndex: 'title' },
    {
      title: t('workbench.addressBook.columns.officePhone'),
      dataIndex: 'officePhone',
      render: (phone: string) => (phone ? <a href={`tel:${phone}`}>{phone}</a> : null),
    },
    {
      title: t('workbench.addressBook.columns.mobile'),
      dataIndex: 'phone',
      render: (phone: string | null) => (phone ? <a href={`tel:${phone}`}>{phone}</a> : null),
    },
    {
      title: t('workbench.addressBook.columns.email'),
      dataIndex: 'email',
      render: (email: string | null) => (email ? <a href={`mailto:${email}`}>{email}</a> : null),
    },
  ];

  const treeData = [{ key: ALL, title: t('workbench.addressBook.allUnits'), children: unitTree(units) }];

  return (
    <div className="tb-page">
      <Typography.Title level={3} className="tb-page-title">
        {t('workbench.addressBook.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6}>
          <Card size="small">
            {units.length > 0 && (
              <Tree
                treeData={treeData}
                defaultExpandAll
                selectedKeys={[unitId ?? ALL]}
                onSelect={(keys) => {
                  const key = keys[0] === undefined ? ALL : String(keys[0]);
                  setUnitId(key === ALL ? undefined : key);
                  setPage(1);
                }}
                data-testid="address-book-units"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Card>
            <Flex vertical gap={12}>
              <Input.Search
                allowClear
                size="large"
                placeholder={t('workbench.addressBook.searchPlaceholder')}
                onSearch={(value) => {
                  setQ(value.trim());
                  setPage(1);
                }}
                data-testid="address-book-search"
              />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('workbench.addressBook.hint')}
              </Typography.Text>
              <Table<AddressBookEntry>
                rowKey="id"
                size={wide ? 'middle' : 'small'}
                loading={loading}
                columns={columns}
                dataSource={rows}
                scroll={{ x: 720 }}
                locale={{ emptyText: t('workbench.addressBook.empty') }}
                pagination={{
                  current: page,
                  pageSize: PAGE_SIZE,
                  total,
                  showSizeChanger: false,
                  showTotal: (count) => t('workbench.addressBook.total', { count }),
                  onChange: setPage,
                }}
              />
            </Flex>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
