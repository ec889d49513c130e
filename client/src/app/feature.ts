import type { ReactNode } from 'react';
import type { Role } from './access-rules';
import type { ApprovalKind } from './approvals/kinds';

/**
 * A client feature (one per backend module): its navigation items, routes, role rules and messages, collected by the
 * shell from `features.ts`. Adding a module adds a folder with a `feature.tsx` and one line in `features.ts`.
 */
export interface FeatureNavItem {
  key: string;
  path: string;
  labelKey: string;
  roles: readonly Role[];
  icon?: ReactNode;
  /** Workbench to-do keys (`GET /api/me/todos`) whose counts badge this item. */
  todoKeys?: readonly string[];
  /** Position in the side menu (ascending; default 100, the personal centre comes last at 1000). */
  order?: number;
}

/** A route of the feature; the roles of its navigation item `navKey` may open it. */
export interface FeatureRoute {
  path: string;
  navKey: string;
  element: ReactNode;
}

/** A tab on a worker's profile page (能力, 培训, 考核, 职业发展 …), shown to the given roles. */
export interface WorkerProfileTab {
  key: string;
  labelKey: string;
  roles: readonly Role[];
  render: (workerId: string) => ReactNode;
}

export interface Feature {
  name: string;
  nav: readonly FeatureNavItem[];
  routes: readonly FeatureRoute[];
  messages: { 'zh-CN': Record<string, string>; en: Record<string, string> };
  profileTabs?: readonly WorkerProfileTab[];
  /** optional: the feature's section on the worker's own 'my profile' page */
  myProfileSections?: readonly { key: string; render: () => ReactNode }[];
  /** optional: kinds of request the leader decides in the approvals inbox (审批待办), see `app/approvals/kinds.ts` */
  approvalKinds?: readonly ApprovalKind[];
}
