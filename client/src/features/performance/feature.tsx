import { AlertOutlined, AuditOutlined, CalendarOutlined, LikeOutlined, SettingOutlined, SolutionOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import type { Feature } from '../../app/feature';
import { performanceEn } from './i18n.en';
import { performanceZhCN } from './i18n.zh-CN';

const CyclesPage = lazy(() => import('./CyclesPage').then((m) => ({ default: m.CyclesPage })));
const CycleDetailPage = lazy(() => import('./CycleDetailPage').then((m) => ({ default: m.CycleDetailPage })));
const RatingsPage = lazy(() => import('./RatingsPage').then((m) => ({ default: m.RatingsPage })));
const RectificationsPage = lazy(() => import('./RectificationsPage').then((m) => ({ default: m.RectificationsPage })));
const PendingAssessmentsPage = lazy(() => import('./PendingAssessmentsPage').then((m) => ({ default: m.PendingAssessmentsPage })));
const AppealsPage = lazy(() => import('./AppealsPage').then((m) => ({ default: m.AppealsPage })));
const TemplatesPage = lazy(() => import('./TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const CalendarPage = lazy(() => import('./CalendarPage').then((m) => ({ default: m.CalendarPage })));
const MyAppraisalsPage = lazy(() => import('./MyAppraisalsPage').then((m) => ({ default: m.MyAppraisalsPage })));
const AppraisalHistory = lazy(() => import('./MyAppraisalsPage').then((m) => ({ default: m.AppraisalHistory })));

/** 考核: cycles, calibration, resident ratings, rectifications, appeals; the worker's own results. */
export const performanceFeature: Feature = {
  name: 'performance',
  nav: [
    {
      key: 'performanceCycles',
      path: '/performance/cycles',
      labelKey: 'nav.performanceCycles',
      roles: ['admin', 'hr', 'leader'],
      icon: <TrophyOutlined />,
      todoKeys: ['performance.assessments-to-enter', 'performance.calibration-waiting'],
    },
    {
      key: 'performanceRatings',
      path: '/performance/ratings',
      labelKey: 'nav.performanceRatings',
      roles: ['admin', 'hr', 'leader'],
      icon: <LikeOutlined />,
    },
    {
      key: 'performanceRectifications',
      path: '/performance/rectifications',
      labelKey: 'nav.performanceRectifications',
      roles: ['admin', 'hr', 'leader'],
      icon: <AlertOutlined />,
      todoKeys: ['performance.rectifications-overdue'],
    },
    {
      key: 'performanceAppeals',
      path: '/performance/appeals',
      labelKey: 'nav.performanceAppeals',
      roles: ['admin', 'hr', 'leader'],
      icon: <AuditOutlined />,
      todoKeys: ['performance.appeals-to-resolve'],
    },
    {
      key: 'performanceTemplates',
      path: '/performance/templates',
      labelKey: 'nav.performanceTemplates',
      roles: ['admin', 'hr', 'leader'],
      icon: <SettingOutlined />,
    },
    {
      key: 'performanceCalendar',
      path: '/performance/calendar',
      labelKey: 'nav.performanceCalendar',
      roles: ['admin', 'hr'],
      icon: <CalendarOutlined />,
      todoKeys: ['performance.holiday-schedule-missing'],
    },
    {
      key: 'performanceMine',
      path: '/performance/my',
      labelKey: 'nav.performanceMine',
      roles: ['worker'],
      icon: <SolutionOutlined />,
      todoKeys: ['performance.my-results'],
    },
  ],
  routes: [
    { path: '/performance/cycles', navKey: 'performanceCycles', element: <CyclesPage /> },
    { path: '/performance/pending', navKey: 'performanceCycles', element: <PendingAssessmentsPage /> },
    { path: '/performance/cycles/:id', navKey: 'performanceCycles', element: <CycleDetailPage /> },
    { path: '/performance/ratings', navKey: 'performanceRatings', element: <RatingsPage /> },
    { path: '/performance/rectifications', navKey: 'performanceRectifications', element: <RectificationsPage /> },
    { path: '/performance/appeals', navKey: 'performanceAppeals', element: <AppealsPage /> },
    { path: '/performance/templates', navKey: 'performanceTemplates', element: <TemplatesPage /> },
    { path: '/performance/calendar', navKey: 'performanceCalendar', element: <CalendarPage /> },
    { path: '/performance/my', navKey: 'performanceMine', element: <MyAppraisalsPage /> },
  ],
  messages: { 'zh-CN': performanceZhCN, en: performanceEn },
  profileTabs: [
    {
      key: 'performance',
      labelKey: 'performance.profileTab',
      roles: ['admin', 'hr', 'leader'],
      render: (workerId) => (
        <Suspense fallback={null}>
          <AppraisalHistory workerId={workerId} />
        </Suspense>
      ),
    },
  ],
};
