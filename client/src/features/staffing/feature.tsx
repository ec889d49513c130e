import {
  ApartmentOutlined,
  AuditOutlined,
  IdcardOutlined,
  SolutionOutlined,
  SwapOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature } from '../../app/feature';
import { staffingEn } from './i18n.en';
import { staffingZhCN } from './i18n.zh-CN';

const ApprovalsPage = lazy(() => import('../../app/approvals/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const RotationInbox = lazy(() => import('./RotationInbox').then((m) => ({ default: m.RotationInbox })));
const OrgUnitsPage = lazy(() => import('./OrgUnitsPage').then((m) => ({ default: m.OrgUnitsPage })));
const NormDeviationsPage = lazy(() => import('./NormDeviationsPage').then((m) => ({ default: m.NormDeviationsPage })));
const RosterPage = lazy(() => import('./RosterPage').then((m) => ({ default: m.RosterPage })));
const WorkerProfilePage = lazy(() => import('./WorkerProfilePage').then((m) => ({ default: m.WorkerProfilePage })));
const PostsPage = lazy(() => import('./PostsPage').then((m) => ({ default: m.PostsPage })));
const RotationsPage = lazy(() => import('./RotationsPage').then((m) => ({ default: m.RotationsPage })));
const MyProfilePage = lazy(() => import('./MyProfilePage').then((m) => ({ default: m.MyProfilePage })));

/** 人员配置: org tree and headcount, roster, posts, rotations and the leader's approvals, the worker's own record. */
export const staffingFeature: Feature = {
  name: 'staffing',
  nav: [
    {
      key: 'approvals',
      path: '/approvals',
      labelKey: 'nav.approvals',
      roles: ['leader', 'admin'],
      icon: <AuditOutlined />,
      todoKeys: ['staffing.rotations-waiting'],
    },
    {
      key: 'orgUnits',
      path: '/org-units',
      labelKey: 'nav.orgUnits',
      roles: ['admin', 'hr', 'leader'],
      icon: <ApartmentOutlined />,
      todoKeys: ['staffing.norm-deviations'],
    },
    {
      key: 'roster',
      path: '/staffing/workers',
      labelKey: 'nav.roster',
      roles: ['admin', 'hr', 'leader'],
      icon: <UsergroupAddOutlined />,
    },
    {
      key: 'posts',
      path: '/staffing/posts',
      labelKey: 'nav.posts',
      roles: ['admin', 'hr', 'leader'],
      icon: <SolutionOutlined />,
      todoKeys: ['staffing.vacant-posts'],
    },
    {
      key: 'rotations',
      path: '/staffing/rotations',
      labelKey: 'nav.rotations',
      roles: ['admin', 'hr'],
      icon: <SwapOutlined />,
      todoKeys: ['staffing.due-for-rotation'],
    },
    {
      key: 'myProfile',
      path: '/my-profile',
      labelKey: 'nav.myProfile',
      roles: ['worker'],
      icon: <IdcardOutlined />,
      todoKeys: ['staffing.my-open-requests'],
    },
  ],
  routes: [
    { path: '/approvals', navKey: 'approvals', element: <ApprovalsPage /> },
    { path: '/org-units', navKey: 'orgUnits', element: <OrgUnitsPage /> },
    { path: '/staffing/norm-deviations', navKey: 'orgUnits', element: <NormDeviationsPage /> },
    { path: '/staffing/workers', navKey: 'roster', element: <RosterPage /> },
    { path: '/staffing/workers/:id', navKey: 'roster', element: <WorkerProfilePage /> },
    { path: '/staffing/posts', navKey: 'posts', element: <PostsPage /> },
    { path: '/staffing/rotations', navKey: 'rotations', element: <RotationsPage /> },
    { path: '/my-profile', navKey: 'myProfile', element: <MyProfilePage /> },
  ],
  messages: { 'zh-CN': staffingZhCN, en: staffingEn },
  approvalKinds: [
    {
      key: 'rotation',
      labelKey: 'approvals.rotations.title',
      roles: ['leader', 'admin'],
      todoKey: 'staffing.rotations-waiting',
      order: 10,
      Inbox: RotationInbox,
    },
  ],
};
