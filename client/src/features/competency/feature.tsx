import { RadarChartOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import type { Feature } from '../../app/feature';
import { competencyMessages } from './i18n';
import { MyCompetencyPage, WorkerCompetencyTab } from './WorkerCompetency';

const CompetencyWorkspace = lazy(() => import('./CompetencyWorkspace'));
const MyCompetencyRoute = lazy(() => import('./MyCompetencyRoute'));

export function CompetencyWorkspaceRoute() {
  return (
    <Suspense fallback={<Spin />}>
      <CompetencyWorkspace />
    </Suspense>
  );
}

export function MyCompetencyLazyRoute() {
  return (
    <Suspense fallback={<Spin />}>
      <MyCompetencyRoute />
    </Suspense>
  );
}

/** 能力体系: frameworks, requirement profiles, campaigns, gaps, candidate ranking, 全岗通; the worker's own page. */
export const competencyFeature: Feature = {
  name: 'competency',
  nav: [
    {
      key: 'competency',
      path: '/competency',
      labelKey: 'competency.nav.workspace',
      roles: ['admin', 'hr', 'leader'],
      icon: <RadarChartOutlined />,
      todoKeys: ['competency.supervisor-assessments-waiting', 'competency.campaigns-overdue', 'competency.certifications-expiring'],
    },
    {
      key: 'myCompetency',
      path: '/my-competency',
      labelKey: 'competency.nav.my',
      roles: ['worker'],
      icon: <RadarChartOutlined />,
      todoKeys: ['competency.self-assessments-waiting'],
    },
  ],
  routes: [
    { path: 'competency/*', navKey: 'competency', element: <CompetencyWorkspaceRoute /> },
    { path: 'my-competency', navKey: 'myCompetency', element: <MyCompetencyLazyRoute /> },
  ],
  messages: competencyMessages,
  profileTabs: [
    { key: 'competency', labelKey: 'competency.nav.workspace', roles: ['admin', 'hr', 'leader'], render: (workerId) => <WorkerCompetencyTab workerId={workerId} /> },
  ],
  myProfileSections: [{ key: 'competency', render: () => <MyCompetencyPage /> }],
};
