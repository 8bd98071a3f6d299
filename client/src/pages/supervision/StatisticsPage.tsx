// 督办统计: per unit — tasks, completed, on time, overdue, completion and on-time rates, average days late — with a
// chart by unit, the monthly trend, and an XLSX export. Counted by the month a task was assigned.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supervisionApi, type Statistics } from '../../api/supervision.ts';
import { Chart, CHART_FRAME } from './charts.tsx';
import { supervisionError } from './supervisionLabels.tsx';

type Row = Statistics['units'][number];
const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export default function StatisticsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [data, setData] = useState<Statistics | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const query = useMemo(
    () => ({ from: range?.[0].format('YYYY-MM'), to: range?.[1].format('YYYY-MM'), unitId }),
    [range, unitId],
  );
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await supervisionApi.statistics(query));
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [query]);
  useEffect(() => {
    void load();
  }, [load]);

  const rate = (r: number | null) => (r === null ? t('supervision.statistics.none') : `${percent(r)}%`);
  const units = data?.units ?? [];
  return (
    <Flex vertical gap={16}>
      <Card styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <Typography.Text>{t('supervision.statistics.period')}</Typography.Text>
          <DatePicker.RangePicker
            picker="month"
            size="large"
            value={range ?? (data ? [dayjs(data.from), dayjs(data.to)] : null)}
            onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
          />
          <Select
            allowClear
            size="large"
            style={{ minWidth: 220 }}
            placeholder={t('supervision.statistics.allUnits')}
            value={unitId}
            onChange={setUnitId}
            aria-label={t('supervision.statistics.unit')}
            options={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
          />
          <Button size="large" icon={<DownloadOutlined />} href={supervisionApi.statisticsExportUrl(query)}>
            {t('supervision.exportXlsx')}
          </Button>
        </Flex>
      </Card>
      {error !== null && (
        <Alert type="error" showIcon title={t('supervision.loadFailed', { message: supervisionError(t, error) })} />
      )}
      <Card title={t('supervision.statistics.byUnit')}>
        <Table<Row>
          rowKey="unitId"
          loading={loading}
          dataSource={unitId ? units.filter((u) => u.unitId === unitId) : units}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="statistics-table"
          onRow={(r) => ({ 'data-testid': `stats-${r.unitName}` }) as React.HTMLAttributes<HTMLElement>}
          summary={() =>
            data && !unitId ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('supervision.statistics.totals')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{data.totals.total}</Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{data.totals.completed}</Table.Summary.Cell>
                <Table.Summary.Cell index={3}>{data.totals.completedOnTime}</Table.Summary.Cell>
                <Table.Summary.Cell index={4}>{data.totals.overdue}</Table.Summary.Cell>
                <Table.Summary.Cell index={5}>{rate(data.totals.completionRate)}</Table.Summary.Cell>
                <Table.Summary.Cell index={6}>{rate(data.totals.onTimeRate)}</Table.Summary.Cell>
                <Table.Summary.Cell index={7}>{data.totals.averageDaysLate}</Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
          columns={[
            { key: 'unit', title: t('supervision.statistics.unit'), render: (_, r) => r.unitName },
            { key: 'total', title: t('supervision.statistics.total'), dataIndex: 'total' },
            { key: 'completed', title: t('supervision.statistics.completed'), dataIndex: 'completed' },
            { key: 'onTime', title: t('supervision.statistics.completedOnTime'), dataIndex: 'completedOnTime' },
            {
              key: 'overdue',
              title: t('supervision.statistics.overdue'),
              render: (_, r) => (
                <Typography.Text type={r.overdue > 0 ? 'danger' : undefined}>{r.overdue}</Typography.Text>
              ),
            },
            {
              key: 'completionRate',
              title: t('supervision.statistics.completionRate'),
              render: (_, r) => <span data-testid="completion-rate">{rate(r.completionRate)}</span>,
            },
            {
              key: 'onTimeRate',
              title: t('supervision.statistics.onTimeRate'),
              render: (_, r) => <span data-testid="on-time-rate">{rate(r.onTimeRate)}</span>,
            },
            { key: 'late', title: t('supervision.statistics.averageDaysLate'), dataIndex: 'averageDaysLate' },
          ]}
        />
        {units.length > 0 && (
          <Chart
            testId="chart-units"
            height={360}
            option={{
              tooltip: { trigger: 'axis' },
              legend: {
                ...CHART_FRAME.legend,
                data: [t('supervision.statistics.completionRate'), t('supervision.statistics.onTimeRate')],
              },
              grid: CHART_FRAME.grid,
              // Long unit names are cut short (the tooltip has them whole) so that the plot keeps its height.
              xAxis: {
                type: 'category',
                data: units.map((u) => u.unitName),
                axisLabel: { rotate: 30, width: 120, overflow: 'truncate' },
              },
              yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
              series: [
                {
                  name: t('supervision.statistics.completionRate'),
                  type: 'bar',
                  data: units.map((u) => percent(u.completionRate)),
                },
                {
                  name: t('supervision.statistics.onTimeRate'),
                  type: 'bar',
                  data: units.map((u) => percent(u.onTimeRate)),
                },
              ],
            }}
          />
        )}
      </Card>
      <Card title={t('supervision.statistics.trend')}>
        <Chart
          testId="chart-trend"
          option={{
            tooltip: { trigger: 'axis' },
            legend: {
              ...CHART_FRAME.legend,
              data: [
                t('supervision.statistics.created'),
                t('supervision.statistics.completed'),
                t('supervision.statistics.onTimeRate'),
              ],
            },
            grid: CHART_FRAME.grid,
            xAxis: { type: 'category', data: (data?.trend ?? []).map((p) => p.month) },
            yAxis: [
              { type: 'value', minInterval: 1 },
              { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            ],
            series: [
              {
                name: t('supervision.statistics.created'),
                type: 'bar',
                data: (data?.trend ?? []).map((p) => p.created),
              },
              {
                name: t('supervision.statistics.completed'),
                type: 'bar',
                data: (data?.trend ?? []).map((p) => p.completed),
              },
              {
                name: t('supervision.statistics.onTimeRate'),
                type: 'line',
                yAxisIndex: 1,
                data: (data?.trend ?? []).map((p) => percent(p.onTimeRate)),
              },
            ],
          }}
        />
      </Card>
    </Flex>
  );
}
