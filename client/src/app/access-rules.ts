import { approvalsPath } from './approvals/kinds';
import type { FeatureNavItem, FeatureRoute } from './feature';
import { features } from './features';
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

/** The shell's own item: every role's home page, the workbench (工作台). */
export const workbenchNav: FeatureNavItem = {
  key: 'workbench',
  path: '/workbench',
  labelKey: 'nav.workbench',
  roles,
  order: 0,
};

/** The workbench to-dos of every kind of request in the approvals inbox (rotations, later promotions). */
const approvalTodoKeys = features.flatMap((f) => f.approvalKinds ?? []).flatMap((k) => (k.todoKey ? [k.todoKey] : []));

/**
 * Every navigation item, the shell's and each feature's, in menu order. The approvals inbox's item is badged with the
 * to-dos of every approval kind, whichever feature registers it.
 */
export const navItems: readonly FeatureNavItem[] = [workbenchNav, ...features.flatMap((f) => f.nav)]
  .map((item) =>
    item.path === approvalsPath ? { ...item, todoKeys: [...new Set([...(item.todoKeys ?? []), ...approvalTodoKeys])] } : item,
  )
  .map((item, index) => ({ item, index }))
  .sort((a, b) => (a.item.order ?? 100) - (b.item.order ?? 100) || a.index - b.index)
  .map(({ item }) => item);

/** Every feature's routes. */
export const featureRoutes: readonly FeatureRoute[] = features.flatMap((f) => f.routes);

export function navItem(key: string): FeatureNavItem | undefined {
  return navItems.find((n) => n.key === key);
}

export function navigationFor(role: Role): FeatureNavItem[] {
  return navItems.filter((n) => n.roles.includes(role));
}

export function landingPath(role: Role): string {
  return workbenchNav.roles.includes(role) ? workbenchNav.path : (navigationFor(role)[0]?.path ?? '/me');
}

function routeMatches(pattern: string, pathname: string): boolean {
  const want = pattern.replace(/^\//, '').split('/');
  const have = pathname.replace(/^\//, '').replace(/\/$/, '').split('/');
  return want.length === have.length && want.every((part, i) => part.startsWith(':') || part === have[i]);
}

/**
 * The navigation item a path belongs to: a feature route's `navKey` (so `/staffing/workers/42` is the roster's), else
 * the item whose path it is; undefined for a path the app does not know (a 404).
 */
export function workspaceOf(pathname: string): FeatureNavItem | undefined {
  const route = featureRoutes.find((r) => routeMatches(r.path, pathname));
  if (route) return navItem(route.navKey);
  return navItems.find((n) => pathname === n.path);
}

export function canOpen(role: Role, pathname: string): boolean {
  const w = workspaceOf(pathname);
  return w !== undefined && w.roles.includes(role);
}

/** Whether the role may open the routes of a navigation item. */
export function mayOpen(role: Role, navKey: string): boolean {
  return navItem(navKey)?.roles.includes(role) ?? false;
}
