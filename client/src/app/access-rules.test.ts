import { describe, expect, it } from 'vitest';
import { canDecideRotations, canEditOrgUnits, canEditStaffing, canRevealIds } from '../features/staffing/roles';
import { canOpen, landingPath, navigationFor, navItems, roles, workspaceOf } from './access-rules';
import { features } from './features';

describe('navigation by role', () => {
  const paths = (role: (typeof roles)[number]) => navigationFor(role).map((w) => w.path);

  it('gives each role its workspaces', () => {
    expect(paths('admin')).toEqual([
      '/workbench',
      '/approvals',
      '/org-units',
      '/staffing/workers',
      '/staffing/posts',
      '/staffing/rotations',
      '/competency',
      '/performance/cycles',
      '/performance/ratings',
      '/performance/rectifications',
      '/performance/appeals',
      '/performance/templates',
      '/performance/calendar',
      '/training/sessions',
      '/career/progression',
      '/insights/dashboard',
      '/admin/accounts',
      '/audit-log',
      '/me',
    ]);
    expect(paths('hr')).toEqual([
      '/workbench',
      '/org-units',
      '/staffing/workers',
      '/staffing/posts',
      '/staffing/rotations',
      '/competency',
      '/performance/cycles',
      '/performance/ratings',
      '/performance/rectifications',
      '/performance/appeals',
      '/performance/templates',
      '/performance/calendar',
      '/training/sessions',
      '/career/progression',
      '/insights/dashboard',
      '/audit-log',
      '/me',
    ]);
    expect(paths('leader')).toEqual([
      '/workbench',
      '/approvals',
      '/org-units',
      '/staffing/workers',
      '/staffing/posts',
      '/competency',
      '/performance/cycles',
      '/performance/ratings',
      '/performance/rectifications',
      '/performance/appeals',
      '/performance/templates',
      '/training/sessions',
      '/insights/dashboard',
      '/me',
    ]);
    expect(paths('worker')).toEqual(['/workbench', '/my-profile', '/my-competency', '/performance/my', '/me']);
  });

  it('badges the approvals inbox with the to-dos of every approval kind', () => {
    const kinds = features.flatMap((f) => f.approvalKinds ?? []);
    expect(kinds.map((k) => k.key)).toContain('rotation');
    expect(navItems.find((n) => n.path === '/approvals')?.todoKeys).toEqual(
      expect.arrayContaining(kinds.flatMap((k) => (k.todoKey ? [k.todoKey] : []))),
    );
  });

  it('lands every role on the workbench, which it may open', () => {
    for (const role of roles) expect(landingPath(role)).toBe('/workbench');
    for (const role of roles) expect(canOpen(role, landingPath(role))).toBe(true);
  });
});

describe('route access', () => {
  it('refuses the HR and admin workspaces to a worker', () => {
    expect(canOpen('worker', '/org-units')).toBe(false);
    expect(canOpen('worker', '/admin/accounts')).toBe(false);
    expect(canOpen('worker', '/approvals')).toBe(false);
    expect(canOpen('worker', '/audit-log')).toBe(false);
    expect(canOpen('leader', '/audit-log')).toBe(false);
    expect(canOpen('worker', '/staffing/workers')).toBe(false);
    expect(canOpen('worker', '/staffing/workers/some-id')).toBe(false);
    expect(canOpen('worker', '/staffing/rotations')).toBe(false);
    expect(canOpen('worker', '/me')).toBe(true);
    expect(canOpen('worker', '/my-profile')).toBe(true);
  });

  it('lets only admin open account management, leaders and admin the approvals inbox, hr and admin rotations', () => {
    expect(roles.filter((r) => canOpen(r, '/admin/accounts'))).toEqual(['admin']);
    expect(roles.filter((r) => canOpen(r, '/approvals'))).toEqual(['admin', 'leader']);
    expect(roles.filter((r) => canOpen(r, '/staffing/rotations'))).toEqual(['admin', 'hr']);
    expect(roles.filter((r) => canOpen(r, '/staffing/posts'))).toEqual(['admin', 'hr', 'leader']);
  });

  it('lets hr and admin change staffing and see ID numbers, and only leaders decide rotations', () => {
    expect(roles.filter(canEditStaffing)).toEqual(['admin', 'hr']);
    expect(roles.filter(canRevealIds)).toEqual(['admin', 'hr']);
    expect(roles.filter(canDecideRotations)).toEqual(['leader']);
  });

  it('finds the navigation item of a feature route, and knows no other path', () => {
    expect(workspaceOf('/staffing/workers/123')?.key).toBe('roster');
    expect(workspaceOf('/staffing/norm-deviations')?.key).toBe('orgUnits');
    expect(workspaceOf('/workbench')?.key).toBe('workbench');
    expect(workspaceOf('/staffing/workers/123/x')).toBeUndefined();
    expect(workspaceOf('/org-unitsx')).toBeUndefined();
    expect(workspaceOf('/nowhere')).toBeUndefined();
  });

  it('lets admin and hr edit org units, leaders only read', () => {
    expect(roles.filter(canEditOrgUnits)).toEqual(['admin', 'hr']);
  });
});
