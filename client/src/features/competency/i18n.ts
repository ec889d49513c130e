import { format, useLocale } from '../../app/i18n';
import { competencyEn } from './i18n.en';
import { competencyZhCN, type CompetencyMessageKey } from './i18n.zh-CN';

export type { CompetencyMessageKey };

export const competencyMessages: { 'zh-CN': Record<CompetencyMessageKey, string>; en: Record<CompetencyMessageKey, string> } = {
  'zh-CN': competencyZhCN,
  en: competencyEn,
};

/** The feature's translator, in the shell's current language. */
export function useCt(): (key: CompetencyMessageKey, vars?: Record<string, string | number>) => string {
  const [locale] = useLocale();
  return (key, vars) => format(competencyMessages[locale][key], vars);
}

/** The name in the current language from a zh/en pair. */
export function useBilingual(): (value: { nameZh: string; nameEn: string }) => string {
  const [locale] = useLocale();
  return (value) => (locale === 'en' ? value.nameEn : value.nameZh);
}
