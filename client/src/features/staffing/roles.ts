import type { Role } from '../../app/access-rules';

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
