import { BarChartOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { Feature } from '../../app/feature';
import { insightsEn } from './i18n.en';
import { insightsZhCN } from './i18n.zh-CN';

const InsightsWorkspace = lazy(() => import('./InsightsWorkspace'));

function Workspace() {
  return (
    <Suspense fallback={<Spin />}>
      <InsightsWorkspace />
    </Suspense>
  );
}

/** 队伍分析: structure dashboards with drill-down, staffing against norms, transfer suggestions, forecast, turnover (HR and leaders). */
export const insightsFeature: Feature = {
  name: 'insights',
  nav: [
    { key: 'insights', path: '/insights/dashboard', labelKey: 'insights.nav.workspace', roles: ['admin', 'hr', 'leader'], icon: <BarChartOutlined /> },
  ],
  routes: ['dashboard', 'norms', 'transfers', 'forecast', 'turnover'].map((tab) => ({ path: `/insights/${tab}`, navKey: 'insights', element: <Workspace /> })),
  messages: { 'zh-CN': insightsZhCN, en: insightsEn },
};
