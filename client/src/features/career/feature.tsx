import { RiseOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import type { Feature } from '../../app/feature';
import { careerEn } from './i18n.en';
import { careerZhCN } from './i18n.zh-CN';

const CareerWorkspace = lazy(() => import('./CareerWorkspace'));
const CareerApprovals = lazy(() => import('./CareerWorkspace').then((m) => ({ default: m.CareerApprovals })));
const CareerTrack = lazy(() => import('./CareerTrack').then((m) => ({ default: m.CareerTrack })));
const MyCareer = lazy(() => import('./CareerTrack'));
const ReserveNominations = lazy(() => import('./ReservePool'));

const lazily = (node: ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;

/** 职业发展: the grade ladder, annual progression, eligibility, promotion approvals; the worker's career track. */
export const careerFeature: Feature = {
  name: 'career',
  nav: [
    {
      key: 'career',
      path: '/career/progression',
      labelKey: 'career.nav.workspace',
      roles: ['admin', 'hr'],
      icon: <RiseOutlined />,
      todoKeys: ['career.applications-to-review', 'career.progression-to-apply', 'career.reserve-reviews-due', 'career.succession-risk'],
    },
  ],
  routes: [
    { path: '/career/progression', navKey: 'career', element: lazily(<CareerWorkspace />) },
    { path: '/career/eligibility', navKey: 'career', element: lazily(<CareerWorkspace />) },
    { path: '/career/applications', navKey: 'career', element: lazily(<CareerWorkspace />) },
    { path: '/career/reserves', navKey: 'career', element: lazily(<CareerWorkspace />) },
    { path: '/career/succession', navKey: 'career', element: lazily(<CareerWorkspace />) },
    { path: '/career/ladder', navKey: 'career', element: lazily(<CareerWorkspace />) },
    { path: '/career/approvals', navKey: 'approvals', element: lazily(<CareerApprovals />) },
  ],
  messages: { 'zh-CN': careerZhCN, en: careerEn },
  // Promotions and demotions reviewed by HR wait in the leader's approvals inbox next to rotations; so do reserve-cadre
  // nominations, which the street leader (or HR) accepts or rejects.
  approvalKinds: [
    {
      key: 'promotion',
      labelKey: 'career.nav.approvals',
      roles: ['leader', 'admin'],
      todoKey: 'career.promotions-waiting',
      order: 20,
      Inbox: CareerApprovals,
    },
    {
      key: 'reserve',
      labelKey: 'career.nav.nominations',
      roles: ['leader', 'admin'],
      todoKey: 'career.nominations-waiting',
      order: 30,
      Inbox: ReserveNominations,
    },
  ],
  profileTabs: [
    {
      key: 'career',
      labelKey: 'career.nav.tab',
      roles: ['admin', 'hr', 'leader'],
      render: (workerId) => lazily(<CareerTrack workerId={workerId} />),
    },
  ],
  myProfileSections: [{ key: 'career', render: () => lazily(<MyCareer />) }],
};
