import { usePagedTable } from '../../app/usePagedTable';
import { Card, Segmented, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { Schemas } from '../../api/types';
import { useT } from '../../app/i18n';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import { useNormDeviations } from './hooks/posts';
import { normStatusColor, normStatusKey } from './staffingRules';

type Filter = 'all' | 'short' | 'over';

function isFilter(value: string | null): value is Filter {
  return value === 'all' || value === 'short' || value === 'over';
}

/** 配备标准偏差: the units whose workers fall short of or exceed their staffing norm (the HR workbench card). */
export function NormDeviationsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const raw = params.get('normStatus');
  const filter: Filter = isFilter(raw) ? raw : 'all';
  const paging = usePagedTable();
  const list = useNormDeviations({ ...paging.query, normStatus: filter === 'all' ? undefined : filter });
  const title = t('staffing.normDeviations.title');

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{t('staffing.normDeviations.hint')}</Typography.Text>
        <Segmented<Filter>
          value={filter}
          onChange={(v) => {
            setParams(v === 'all' ? {} : { normStatus: v }, { replace: true });
            paging.firstPage();
          }}
          options={[
            { value: 'all', label: t('staffing.normDeviations.all') },
            { value: 'short', label: t('staffing.normStatus.short') },
            { value: 'over', label: t('staffing.normStatus.over') },
          ]}
        />
        <ResponsiveTable<Schemas['HeadcountLine']>
          rowKey="orgUnitId"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          aria-label={title}
          locale={{ emptyText: t('staffing.normDeviations.empty') }}
          pagination={paging.pagination(list.data?.total)}
          columns={[
            { title: t('staffing.orgUnits.field.name'), dataIndex: 'name', cardTitle: true },
            { title: t('staffing.orgUnits.field.code'), dataIndex: 'code', ...noWrap },
            { title: t('staffing.headcount.filled'), dataIndex: 'filled', width: 80 },
            { title: t('staffing.headcount.norm'), dataIndex: 'norm', width: 90 },
            { title: t('staffing.headcount.quota'), dataIndex: 'quota', width: 80 },
            {
              title: t('staffing.headcount.normStatus'),
              dataIndex: 'normStatus',
              width: 110,
              render: (s: string) => {
                const key = normStatusKey(s);
                return <Tag color={normStatusColor[s]}>{key ? t(key) : s}</Tag>;
              },
            },
          ]}
        />
      </Space>
    </Card>
  );
}
