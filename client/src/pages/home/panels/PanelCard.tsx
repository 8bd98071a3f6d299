// The frame of a home panel: its title with the total, a link to the full list, and its error in the panel itself.
import { Alert, Badge, Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errorMessage.ts';

interface Props {
  title: string;
  total?: number | undefined;
  more?: string | undefined;
  loading: boolean;
  error: unknown;
  testId: string;
  children: ReactNode;
}

export function PanelCard({ title, total, more, loading, error, testId, children }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      loading={loading && !error}
      title={
        <Flex align="center" gap={8}>
          {title}
          {total !== undefined && total > 0 && <Badge count={total} overflowCount={999} color="#1f4fa8" />}
        </Flex>
      }
      extra={more && <Link to={more}>{t('workbench.home.viewAll')}</Link>}
      data-testid={testId}
    >
      {error ? (
        <Alert type="error" showIcon message={t('workbench.home.loadFailed', { message: errorMessage(t, error) })} />
      ) : (
        children
      )}
    </Card>
  );
}
