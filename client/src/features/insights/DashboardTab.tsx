import { App, Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { fileNameFrom, saveBlob } from '../../api/files';
import { useLocale, useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import { ChartCard } from './ChartCard';
import { useExportDashboard, type Dashboard } from './hooks';
import type { InsightsMessageKey } from './i18n.zh-CN';

export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

type Child = Dashboard['children'][number];

export function DashboardTab({ data, onOpen }: { data: Dashboard; onOpen: (id: string) => void }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const report = useReportError();
  const exporting = useExportDashboard();
  const label = (key: string) => t(key as InsightsMessageKey);
  const doExport = () =>
    exporting.mutate(data.unit.id, {
      onSuccess: ({ blob, disposition }) => { saveBlob(blob, fileNameFrom(disposition, 'insights.xlsx')); void message.success(t('insights.export')); },
      onError: (e) => report(e),
    });
  const grades = data.grades.map((g) => t('insights.grade.level', { type: label(`insights.postType.${g.postType}`), level: g.level }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('insights.asOf', { date: data.asOf })}</Typography.Text>
        <Button onClick={doExport} loading={exporting.isPending}>{t('insights.export')}</Button>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('insights.headcount')} value={data.headcount} /></Card></Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('insights.certification')} value={percent(data.certification.rate)}
              valueStyle={{ color: data.certification.meetsTarget ? '#389e0d' : '#cf1322' }} />
            <Typography.Text type="secondary">{t('insights.certification.detail', { certified: data.certification.certified, headcount: data.certification.headcount, target: percent(data.certification.target) })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('insights.allRound')} value={percent(data.allRound.rate)} />
            <Typography.Text type="secondary">{t('insights.allRound.detail', { certified: data.allRound.certified, headcount: data.allRound.headcount })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('insights.vacancy')} value={percent(data.vacancy.rate)} />
            <Typography.Text type="secondary">{t('insights.vacancy.detail', { quota: data.vacancy.quota, filled: data.vacancy.filled, vacant: data.vacancy.vacant })}</Typography.Text>
          </Card>
        </Col>
      </Row>
      {data.children.length > 0 && (
        <Card size="small" title={t('insights.children')}>
          <ResponsiveTable<Child>
            aria-label={t('insights.children')}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.children}
            columns={[
              { title: t('insights.unit'), dataIndex: 'name', cardTitle: true },
              { title: t('insights.category'), dataIndex: 'level', render: (v: string) => label(`insights.level.${v}`) },
              { title: t('insights.headcount'), dataIndex: 'headcount' },
              {
                title: t('insights.children.drill'), key: 'open', cardActions: true,
                render: (_: unknown, c: Child) => <Button size="small" onClick={() => onOpen(c.id)} aria-label={`${t('insights.children.drill')} ${c.name}`}>{t('insights.children.drill')}</Button>,
              },
            ]}
          />
        </Card>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.age')} horizontal absolute categories={data.agePyramid.map((a) => a.band)}
            series={[
              { name: t('insights.male'), data: data.agePyramid.map((a) => -a.male), stack: 'p', color: '#1677ff' },
              { name: t('insights.female'), data: data.agePyramid.map((a) => a.female), stack: 'p', color: '#eb2f96' },
              { name: t('insights.other'), data: data.agePyramid.map((a) => a.other), stack: 'p', color: '#8c8c8c' },
            ]} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.education')} categories={data.education.map((e) => label(`insights.edu.${e.key}`))}
            series={[{ name: t('insights.count'), data: data.education.map((e) => e.count) }]} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.political')} categories={data.political.map((e) => label(`insights.pol.${e.key}`))}
            series={[{ name: t('insights.count'), data: data.political.map((e) => e.count), color: '#cf1322' }]} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.service')} categories={data.service.map((e) => t('insights.years', { band: e.key }))}
            series={[{ name: t('insights.count'), data: data.service.map((e) => e.count), color: '#13c2c2' }]} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.grades')} categories={grades} series={[{ name: t('insights.count'), data: data.grades.map((g) => g.count), color: '#722ed1' }]}>
            <Typography.Text type="secondary">{t('insights.ungraded', { count: data.ungraded })}</Typography.Text>
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.appraisal')} categories={data.appraisal.grades.map((g) => label(`insights.grade.${g.key}`))}
            series={[{ name: t('insights.count'), data: data.appraisal.grades.map((g) => g.count), color: '#fa8c16' }]}>
            <Typography.Text type="secondary">
              {data.appraisal.year ? t('insights.appraisal.year', { year: data.appraisal.year, total: data.appraisal.total }) : t('insights.appraisal.none')}
            </Typography.Text>
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('insights.allRound')} categories={data.allRound.lines.map((l) => (locale === 'en' ? l.nameEn : l.nameZh))}
            series={[{ name: t('insights.count'), data: data.allRound.lines.map((l) => l.count), color: '#52c41a' }]} />
        </Col>
      </Row>
    </Space>
  );
}
