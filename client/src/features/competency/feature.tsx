import { RadarChartOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import type { Feature } from '../../app/feature';
import { competencyMessages } from './i18n';

const CompetencyWorkspace = lazy(() => import('./CompetencyWorkspace'));
const MyCompetencyRoute = lazy(() => import('./MyCompetencyRoute'));
// Lazy too: the profile tab and the my-profile section pull in the shell's auth (which reads the feature list) and ECharts.
const WorkerCompetencyTab = lazy(() => import('./WorkerCompetency').then((m) => ({ default: m.WorkerCompetencyTab })));
const MyCompetencyPage = lazy(() => import('./WorkerCompetency').then((m) => ({ default: m.MyCompetencyPage })));

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
    {
      key: 'competency',
      labelKey: 'competency.nav.workspace',
      roles: ['admin', 'hr', 'leader'],
      render: (workerId) => (
        <Suspense fallback={<Spin />}>
          <WorkerCompetencyTab workerId={workerId} />
        </Suspense>
      ),
    },
  ],
  myProfileSections: [
    {
      key: 'competency',
      render: () => (
        <Suspense fallback={<Spin />}>
          <MyCompetencyPage />
        </Suspense>
      ),
    },
  ],
};
