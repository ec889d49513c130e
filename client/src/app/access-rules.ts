import type { MessageKey } from './i18n';

/** The four roles the API issues (`role` claim and `GET /api/me`). */
export const roles = ['admin', 'hr', 'leader', 'worker'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export const roleLabelKey: Record<Role, MessageKey> = {
  admin: 'role.admin',
  hr: 'role.hr',
  leader: 'role.leader',
  worker: 'role.worker',
};

export type WorkspaceKey =
  | 'orgUnits'
  | 'roster'
  | 'posts'
  | 'rotations'
  | 'approvals'
  | 'accounts'
  | 'auditLog'
  | 'myProfile'
  | 'me'
  // competency (temporary wiring until feature registration lands)
  | 'competency'
  | 'myCompetency';

export interface Workspace {
  key: WorkspaceKey;
  path: string;
  labelKey: MessageKey;
  roles: readonly Role[];
}

/** Every workspace in navigation order; the side menu shows those the role may open. */
export const workspaces: readonly Workspace[] = [
  { key: 'approvals', path: '/approvals', labelKey: 'nav.approvals', roles: ['leader', 'admin'] },
  { key: 'orgUnits', path: '/org-units', labelKey: 'nav.orgUnits', roles: ['admin', 'hr', 'leader'] },
  { key: 'roster', path: '/staffing/workers', labelKey: 'nav.roster', roles: ['admin', 'hr', 'leader'] },
  { key: 'posts', path: '/staffing/posts', labelKey: 'nav.posts', roles: ['admin', 'hr', 'leader'] },
  { key: 'rotations', path: '/staffing/rotations', labelKey: 'nav.rotations', roles: ['admin', 'hr'] },
  { key: 'accounts', path: '/admin/accounts', labelKey: 'nav.accounts', roles: ['admin'] },
  { key: 'auditLog', path: '/audit-log', labelKey: 'nav.auditLog', roles: ['admin', 'hr'] },
  { key: 'myProfile', path: '/my-profile', labelKey: 'nav.myProfile', roles: ['worker'] },
  // competency (temporary wiring until feature registration lands)
  { key: 'competency', path: '/competency', labelKey: 'nav.competency', roles: ['admin', 'hr', 'leader'] },
  { key: 'myCompetency', path: '/my-competency', labelKey: 'nav.myCompetency', roles: ['worker'] },
  { key: 'me', path: '/me', labelKey: 'nav.me', roles: ['admin', 'hr', 'leader', 'worker'] },
];

const landing: Record<Role, WorkspaceKey> = {
  admin: 'accounts',
  hr: 'orgUnits',
  leader: 'approvals',
  worker: 'myProfile',
};

export function workspace(key: WorkspaceKey): Workspace {
  const found = workspaces.find((w) => w.key === key);
  if (!found) throw new Error(`Unknown workspace ${key}`);
  return found;
}

export function navigationFor(role: Role): Workspace[] {
  return workspaces.filter((w) => w.roles.includes(role));
}

export function landingPath(role: Role): string {
  return workspace(landing[role]).path;
}

/** The workspace a path belongs to, or undefined for a path the app does not know (a 404). */
export function workspaceOf(pathname: string): Workspace | undefined {
  return workspaces.find((w) => pathname === w.path || pathname.startsWith(`${w.path}/`));
}

export function canOpen(role: Role, pathname: string): boolean {
  const w = workspaceOf(pathname);
  return w !== undefined && w.roles.includes(role);
}

/** Changing the roster, posts and postings, and filing rotations for others (the API allows admin and hr). */
export function canEditStaffing(role: Role): boolean {
  return role === 'admin' || role === 'hr';
}

/** Seeing a full ID number and exporting the roster with them (hr and admin; every use is audited). */
export function canRevealIds(role: Role): boolean {
  return role === 'admin' || role === 'hr';
}

/** Approving or rejecting rotation requests (the street leader only). */
export function canDecideRotations(role: Role): boolean {
  return role === 'leader';
}

/** Creating, renaming, moving and closing org units (the API allows admin and hr). */
export function canEditOrgUnits(role: Role): boolean {
  return role === 'admin' || role === 'hr';
}
