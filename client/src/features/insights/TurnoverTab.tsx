import { Alert, Button, Card, Col, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useT } from '../../app/i18n';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import { ChartCard } from './ChartCard';
import { percent } from './DashboardTab';
import { useTurnover, type Turnover } from './hooks';

type UnitRow = Turnover['units'][number];

/** Leavers per year by reason, tenure at leaving, units with high turnover, new hires' retention. */
export function TurnoverTab({ unitId, onOpen }: { unitId: string; onOpen: (id: string) => void }) {
  const t = useT();
  const turnover = useTurnover(unitId);
  if (turnover.isError) return <Alert type="error" showIcon message={String(turnover.error)} />;
  if (!turnover.data) return <Spin />;
  const d = turnover.data;
  const reasons = [...new Set(d.years.flatMap((y) => y.reasons.map((r) => r.key)))];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('insights.turnover.leavers')} value={d.leavers} /><Typography.Text type="secondary">{t('insights.turnover.period', { from: d.fromYear, to: d.toYear })}</Typography.Text></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('insights.turnover.rate')} value={percent(d.rate)} /></Card></Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('insights.turnover.retention')}>
            {d.retention.map((r) => <div key={r.years}>{t('insights.turnover.retention.item', { years: r.years, retained: r.retained, hired: r.hired, rate: percent(r.rate) })}</div>)}
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.turnover.byYear')} categories={d.years.map((y) => String(y.year))}
            series={reasons.map((r) => ({ name: r, stack: 'r', data: d.years.map((y) => y.reasons.find((x) => x.key === r)?.count ?? 0) }))} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.turnover.tenure')} categories={d.tenureAtLeaving.map((b) => t('insights.years', { band: b.key }))}
            series={[{ name: t('insights.count'), data: d.tenureAtLeaving.map((b) => b.count), color: '#fa8c16' }]} />
        </Col>
      </Row>
      {d.units.length > 0 && (
        <Card size="small" title={t('insights.turnover.units')}>
          <ResponsiveTable<UnitRow & { id: string }>
            aria-label={t('insights.turnover.units')} size="small" rowKey="id" pagination={{ pageSize: 20, showSizeChanger: false }}
            dataSource={d.units.map((u) => ({ ...u, id: u.unit.id }))}
            columns={[
              { title: t('insights.unit'), key: 'u', cardTitle: true, render: (_: unknown, u: UnitRow) => <Button type="link" size="small" onClick={() => onOpen(u.unit.id)}>{u.unit.name}</Button> },
              { title: t('insights.turnover.leavers'), dataIndex: 'leavers' },
              { title: t('insights.headcount'), dataIndex: 'averageHeadcount' },
              { title: t('insights.turnover.rate'), dataIndex: 'rate', render: (v: number, u: UnitRow) => <span>{percent(v)} {u.high && <Tag color="red">{t('insights.turnover.high')}</Tag>}</span> },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
