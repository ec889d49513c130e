import type { ReactNode } from 'react';
import type { Role } from './access-rules';
export interface FeatureNavItem { key: string; path: string; labelKey: string; roles: readonly Role[]; icon?: ReactNode; todoKeys?: readonly string[] }
export interface FeatureRoute { path: string; navKey: string; element: ReactNode }
export interface WorkerProfileTab { key: string; labelKey: string; roles: readonly Role[]; render: (workerId: string) => ReactNode }
export interface Feature { name: string; nav: readonly FeatureNavItem[]; routes: readonly FeatureRoute[];
  messages: { 'zh-CN': Record<string, string>; en: Record<string, string> };
  profileTabs?: readonly WorkerProfileTab[]; myProfileSections?: readonly { key: string; render: () => ReactNode }[] }
