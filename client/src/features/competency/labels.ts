import type { CompetencyMessageKey } from './i18n';

const statusKeys: Record<string, CompetencyMessageKey> = {
  draft: 'competency.status.draft',
  published: 'competency.status.published',
  retired: 'competency.status.retired',
  open: 'competency.status.open',
  closed: 'competency.status.closed',
  finalised: 'competency.status.finalised',
};

const postTypeKeys: Record<string, CompetencyMessageKey> = {
  head: 'competency.postType.head',
  deputy: 'competency.postType.deputy',
  staff: 'competency.postType.staff',
};

export const postTypes = ['head', 'deputy', 'staff'] as const;

export function statusKey(status: string): CompetencyMessageKey {
  return statusKeys[status] ?? 'competency.status.open';
}

export function postTypeKey(postType: string): CompetencyMessageKey {
  return postTypeKeys[postType] ?? 'competency.postType.staff';
}

export const statusColor: Record<string, string> = { draft: 'gold', published: 'green', retired: 'default', open: 'blue', closed: 'default', finalised: 'green' };

/** Weights of a profile must add up to 100 (the API refuses anything else). */
export function weightSum(items: readonly { weight?: number | null }[]): number {
  return items.reduce((sum, item) => sum + (item.weight ?? 0), 0);
}

/** The starting text of a new competency's Chinese behavioural indicator: Chinese in either UI language (it is data). */
export function chineseIndicatorTemplate(name: string, level: number): string {
  return `${name}：第 ${level} 级行为表现`;
}
