import { Alert, Button, Card, Col, Collapse, Descriptions, Row, Space, Spin, Table, Typography } from 'antd';
import { useT } from '../../app/i18n';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import { ChartCard } from './ChartCard';
import { useForecast, type UnitForecast } from './hooks';

type Year = UnitForecast['years'][number];

/** Five years ahead: retirements, other leavers with an interval, need against the norm, the reserve and pipeline. */
export function ForecastTab({ unitId, onOpen }: { unitId: string; onOpen: (id: string) => void }) {
  const t = useT();
  const forecast = useForecast(unitId);
  if (forecast.isError) return <Alert type="error" showIcon message={String(forecast.error)} />;
  if (!forecast.data) return <Spin />;
  const f = forecast.data;
  const total = f.total;
  const years = total.years.map((y) => t('insights.forecast.year', { n: y.year }));
  const s = total.succession;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Collapse size="small" items={[{ key: 'm', label: t('insights.forecast.method'), children: <Typography.Paragraph>{f.method}</Typography.Paragraph> }]} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.forecast.chart')} categories={years}
            series={[
              { name: t('insights.forecast.retirements'), data: total.years.map((y) => y.retirements), stack: 'out', color: '#cf1322' },
              { name: t('insights.forecast.expected'), data: total.years.map((y) => y.expectedLeavers), stack: 'out', color: '#fa8c16' },
              { name: t('insights.forecast.need'), data: total.years.map((y) => y.need ?? 0), type: 'line', color: '#1677ff' },
            ]} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.forecast.gap')} categories={years}
            series={[
              { name: t('insights.forecast.veterans'), data: total.years.map((y) => y.veteransRetiring + y.veteransLeaving), color: '#8c8c8c' },
              { name: t('insights.forecast.juniors'), data: total.years.map((y) => y.juniorsReady), color: '#52c41a' },
            ]} />
        </Col>
      </Row>
      <Card size="small" title={t('insights.tab.forecast')}>
        <Table<Year>
          size="small" rowKey="year" pagination={false} dataSource={total.years} scroll={{ x: true }} aria-label={t('insights.tab.forecast')}
          columns={[
            { title: t('insights.forecast.period'), dataIndex: 'year', render: (_: number, y: Year) => `${y.from} – ${y.to}` },
            { title: t('insights.forecast.retirements'), dataIndex: 'retirements' },
            { title: t('insights.forecast.expected'), dataIndex: 'expectedLeavers' },
            { title: t('insights.forecast.interval'), key: 'i', render: (_: unknown, y: Year) => `${y.leaversLow} – ${y.leaversHigh}` },
            { title: t('insights.forecast.headcount'), key: 'h', render: (_: unknown, y: Year) => `${y.projectedHeadcount}（${y.projectedLow} – ${y.projectedHigh}）` },
            { title: t('insights.forecast.need'), key: 'n', render: (_: unknown, y: Year) => (y.need === null || y.need === undefined ? '—' : `${y.need}（${y.needLow} – ${y.needHigh}）`) },
          ]}
        />
      </Card>
      <Card size="small" title={t('insights.forecast.succession')}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'r', children: t('insights.forecast.reservePool', { n: s.reservePool }) },
          { key: 'h', children: t('insights.forecast.headsRetiring', { n: s.headsRetiring }) },
          { key: 'd', children: t('insights.forecast.deputiesReady', { n: s.deputiesReady }) },
          { key: 's', children: t('insights.forecast.staffReady', { n: s.staffReady }) },
        ]} />
      </Card>
      <Card size="small" title={t('insights.forecast.rates')}>
        <Table size="small" rowKey="band" pagination={false} dataSource={f.leavingRates} aria-label={t('insights.forecast.rates')}
          columns={[
            { title: t('insights.forecast.band'), dataIndex: 'band', render: (v: string) => t('insights.years', { band: v }) },
            { title: t('insights.forecast.workerYears'), dataIndex: 'workerYears' },
            { title: t('insights.forecast.leavers'), dataIndex: 'leavers' },
            { title: t('insights.forecast.rate'), dataIndex: 'rate', render: (v: number) => `${(v * 100).toFixed(1)}%` },
          ]} />
      </Card>
      {f.children.length > 0 && (
        <Card size="small" title={t('insights.forecast.children')}>
          <ResponsiveTable<UnitForecast>
            aria-label={t('insights.forecast.children')} size="small" rowKey="headcount" pagination={{ pageSize: 20, showSizeChanger: false }}
            dataSource={f.children.map((c) => ({ ...c, headcount: c.headcount }))}
            columns={[
              { title: t('insights.unit'), key: 'u', cardTitle: true, render: (_: unknown, c: UnitForecast) => <Button type="link" size="small" onClick={() => onOpen(c.unit.id)}>{c.unit.name}</Button> },
              { title: t('insights.headcount'), dataIndex: 'headcount' },
              { title: t('insights.norms.norm'), dataIndex: 'norm' },
              { title: t('insights.forecast.retire5'), key: 'r', render: (_: unknown, c: UnitForecast) => c.years.reduce((n, y) => n + y.retirements, 0) },
              { title: t('insights.forecast.need5'), key: 'n', render: (_: unknown, c: UnitForecast) => c.years.at(-1)?.need ?? '—' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
