// The documents this person opened most recently, for the workbench (工作台): a few rows and a way to the full list.
import { FileTextOutlined } from '@ant-design/icons';
import { Empty, Flex, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { documentsApi, type DocumentInfo } from '../../api/documents.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { kindLabel } from './documentLabels.tsx';

const SHOWN = 5;

export function RecentDocuments() {
  const { t } = useTranslation();
  const [items, setItems] = useState<DocumentInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    documentsApi.list({ scope: 'recent', pageSize: SHOWN }).then(
      (r) => {
        if (!controller.signal.aborted) setItems(r.items);
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      },
    );
    return () => controller.abort();
  }, []);

  if (error !== null) return <Typography.Text type="danger">{errorMessage(t, error)}</Typography.Text>;
  if (items !== null && items.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={<Typography.Text type="secondary">{t('documents.recent.empty')}</Typography.Text>}
      />
    );
  }
  return (
    <Flex vertical gap={8} data-testid="recent-documents">
      <List<DocumentInfo>
        loading={items === null}
        dataSource={items ?? []}
        renderItem={(doc) => (
          <List.Item>
            <Link
              to={`/documents/${doc.id}`}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 8,
                width: '100%',
                minWidth: 0,
                minHeight: 40,
                color: 'inherit',
              }}
            >
              <FileTextOutlined style={{ color: '#1f4fa8' }} />
              <Typography.Text ellipsis style={{ flex: 1 }}>
                {doc.title}
              </Typography.Text>
              <Typography.Text type="secondary" className="tb-small">
                {kindLabel(t, doc.kind)} · {dayjs(doc.updatedAt).fromNow()}
              </Typography.Text>
            </Link>
          </List.Item>
        )}
      />
      <Link to="/documents">{t('documents.recent.all')}</Link>
    </Flex>
  );
}
