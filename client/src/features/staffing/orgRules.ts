import type { OrgUnitNode } from '../../api/types';
import type { MessageKey } from '../../app/i18n';

export const orgLevels = ['city', 'district', 'street', 'community', 'centre'] as const;
export type OrgLevel = (typeof orgLevels)[number];

export function isOrgLevel(value: unknown): value is OrgLevel {
  return typeof value === 'string' && (orgLevels as readonly string[]).includes(value);
}

/** Which levels may sit directly under a level (the API enforces the same rule). */
export const childLevels: Record<OrgLevel, readonly OrgLevel[]> = {
  city: ['district'],
  district: ['street'],
  street: ['community', 'centre'],
  community: [],
  centre: [],
};

export function allowedChildLevels(level: string): readonly OrgLevel[] {
  return isOrgLevel(level) ? childLevels[level] : [];
}

export function levelLabelKey(level: string): MessageKey | undefined {
  return isOrgLevel(level) ? (`orgUnit.level.${level}` as const) : undefined;
}

export function statusLabelKey(status: string): MessageKey | undefined {
  return status === 'active' || status === 'closed' ? (`orgUnit.status.${status}` as const) : undefined;
}

export function findNode(nodes: readonly OrgUnitNode[], id: string): OrgUnitNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** The ids of a node and everything under it. */
export function subtreeIds(node: OrgUnitNode): Set<string> {
  const ids = new Set<string>([node.id]);
  for (const child of node.children) for (const id of subtreeIds(child)) ids.add(id);
  return ids;
}

/** The ids of the ancestors of `id`, root first (for expanding the tree to a node). */
export function ancestorIds(nodes: readonly OrgUnitNode[], id: string, trail: string[] = []): string[] | undefined {
  for (const node of nodes) {
    if (node.id === id) return trail;
    const found = ancestorIds(node.children, id, [...trail, node.id]);
    if (found) return found;
  }
  return undefined;
}

/** Whether `parent` may take `unit` as a child: an active unit outside its subtree whose level allows it. */
export function canBeParentOf(parent: OrgUnitNode, unit: OrgUnitNode, excluded: Set<string>): boolean {
  return parent.status === 'active' && !excluded.has(parent.id) && allowedChildLevels(parent.level).includes(unit.level as OrgLevel);
}

/**
 * A materialised path (`/310000/310106/310106021/310106021001/`) as the units' names, from the top of the tree the
 * caller sees (静安区 / 临汾路街道 / 汾西路居民委员会): units above the caller's scope are not in their tree and are left out.
 */
export function pathNames(nodes: readonly OrgUnitNode[], path: string): string {
  const byCode = new Map<string, string>();
  const visit = (list: readonly OrgUnitNode[]) => {
    for (const node of list) {
      byCode.set(node.code, node.name);
      visit(node.children);
    }
  };
  visit(nodes);
  const names = path
    .split('/')
    .filter((code) => code.length > 0)
    .flatMap((code) => {
      const name = byCode.get(code);
      return name === undefined ? [] : [name];
    });
  return names.join(' / ');
}
