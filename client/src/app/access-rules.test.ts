import { describe, expect, it } from 'vitest';
import {
  canDecideRotations,
  canEditOrgUnits,
  canEditStaffing,
  canOpen,
  canRevealIds,
  landingPath,
  navigationFor,
  roles,
  workspaceOf,
} from './access-rules';

describe('navigation by role', () => {
  const paths = (role: (typeof roles)[number]) => navigationFor(role).map((w) => w.path);

  it('gives each role its workspaces', () => {
    expect(paths('admin')).toEqual([
      '/approvals',
      '/org-units',
      '/staffing/workers',
      '/staffing/posts',
      '/staffing/rotations',
      '/admin/accounts',
      '/audit-log',
      '/competency',
      '/me',
    ]);
    expect(paths('hr')).toEqual([
      '/org-units',
      '/staffing/workers',
      '/staffing/posts',
      '/staffing/rotations',
      '/audit-log',
      '/competency',
      '/me',
    ]);
    expect(paths('leader')).toEqual(['/approvals', '/org-units', '/staffing/workers', '/staffing/posts', '/competency', '/me']);
    expect(paths('worker')).toEqual(['/my-profile', '/my-competency', '/me']);
  });

  it('lands each role on its own workspace, which it may open', () => {
    expect(landingPath('admin')).toBe('/admin/accounts');
    expect(landingPath('hr')).toBe('/org-units');
    expect(landingPath('leader')).toBe('/approvals');
    expect(landingPath('worker')).toBe('/my-profile');
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

  it('counts sub-paths as the workspace, and knows no other path', () => {
    expect(workspaceOf('/org-units/123')?.key).toBe('orgUnits');
    expect(workspaceOf('/org-unitsx')).toBeUndefined();
    expect(workspaceOf('/nowhere')).toBeUndefined();
  });

  it('lets admin and hr edit org units, leaders only read', () => {
    expect(roles.filter(canEditOrgUnits)).toEqual(['admin', 'hr']);
  });
});
