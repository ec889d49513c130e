import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role } from '../access-rules';

/** Where the approvals inbox lives; its navigation item is badged with every kind's to-do count. */
export const approvalsPath = '/approvals';

/**
 * One kind of request in the leader's approvals inbox (审批待办): rotations (Staffing) today, promotions (CareerPath)
 * next. A feature lists its kinds in its `feature.tsx` (`approvalKinds`); the inbox shows one tab per kind the caller's
 * role may decide (a select on a phone) and renders the kind's own `Inbox`: its status tabs, columns, detail drawer
 * and batch action, built from the shell's `decideEach` and `BatchResults`.
 */
export interface ApprovalKind {
  /** Stable key, also the `?kind=` of the inbox's URL. */
  key: string;
  /** The tab's label (a message key of the feature). */
  labelKey: string;
  roles: readonly Role[];
  /** The workbench to-do (`GET /api/me/todos`) whose count badges the kind's tab. */
  todoKey?: string;
  /** Tab order (ascending; default 100). */
  order?: number;
  Inbox: ComponentType | LazyExoticComponent<ComponentType>;
}
