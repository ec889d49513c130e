import { ReadOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { Feature } from '../../app/feature';
import { trainingEn } from './i18n.en';
import { trainingZhCN } from './i18n.zh-CN';

const TrainingWorkspace = lazy(() => import('./TrainingWorkspace'));
const WorkerTraining = lazy(() => import('./WorkerTraining').then((m) => ({ default: m.TrainingTrack })));
const MyTraining = lazy(() => import('./WorkerTraining'));

function Workspace() {
  return (
    <Suspense fallback={<Spin />}>
      <TrainingWorkspace />
    </Suspense>
  );
}

/** 培训: catalogue, sessions with rosters and attendance, compliance, certificates; the worker's training track. */
export const trainingFeature: Feature = {
  name: 'training',
  nav: [
    {
      key: 'training',
      path: '/training/sessions',
      labelKey: 'training.nav.workspace',
      roles: ['admin', 'hr', 'leader'],
      icon: <ReadOutlined />,
      todoKeys: ['training.attendance-due', 'training.non-compliant', 'training.certificates-expiring'],
    },
  ],
  routes: [
    { path: '/training/sessions', navKey: 'training', element: <Workspace /> },
    { path: '/training/courses', navKey: 'training', element: <Workspace /> },
    { path: '/training/compliance', navKey: 'training', element: <Workspace /> },
    { path: '/training/certificates', navKey: 'training', element: <Workspace /> },
  ],
  messages: { 'zh-CN': trainingZhCN, en: trainingEn },
  profileTabs: [
    {
      key: 'training',
      labelKey: 'training.nav.tab',
      roles: ['admin', 'hr', 'leader'],
      render: (workerId) => (
        <Suspense fallback={<Spin />}>
          <WorkerTraining workerId={workerId} self={false} />
        </Suspense>
      ),
    },
  ],
  myProfileSections: [
    {
      key: 'training',
      render: () => (
        <Suspense fallback={<Spin />}>
          <MyTraining />
        </Suspense>
      ),
    },
  ],
};
