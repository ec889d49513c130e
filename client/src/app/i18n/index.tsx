import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zhCN, type ShellMessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';

/**
 * Each feature registers the type of its Chinese dictionary here by module augmentation, in its `i18n.zh-CN.ts`:
 *
 * ```ts
 * declare module '../../app/i18n' {
 *   interface FeatureMessageRegistry { staffing: typeof staffingZhCN }
 * }
 * ```
 *
 * so that `t('staffing.x')` is checked like the shell's keys, without the shell importing the feature.
 */
export interface FeatureMessageRegistry {}

type FeatureMessageKey = {
  [F in keyof FeatureMessageRegistry]: keyof FeatureMessageRegistry[F] & string;
}[keyof FeatureMessageRegistry];

export type MessageKey = ShellMessageKey | FeatureMessageKey;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
/** For keys that arrive as data (a navigation item's label, a workbench card's key); falls back to the key itself. */
export type TranslateAny = (key: string, vars?: Record<string, string | number>) => string;

export type Dictionary = Readonly<Record<string, string>>;
export type Dictionaries = Record<Locale, Dictionary>;

/** What the shell needs of a feature to translate its pages. */
export interface MessageSource {
  name: string;
  messages: { 'zh-CN': Record<string, string>; en: Record<string, string> };
}

/** The shell's dictionaries with every feature's messages merged in (a key belongs to one source only; a test checks). */
export function buildDictionaries(sources: readonly MessageSource[]): Dictionaries {
  const merge = (base: Dictionary, parts: Dictionary[]): Dictionary =>
    parts.reduce<Dictionary>((all, part) => ({ ...all, ...part }), base);
  return {
    'zh-CN': merge(zhCN, sources.map((s) => s.messages['zh-CN'])),
    en: merge(en, sources.map((s) => s.messages.en)),
  };
}

export const shellDictionaries: Dictionaries = { 'zh-CN': zhCN, en };

const storageKey = 'cw.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

export function readStoredLocale(storage: Pick<Storage, 'getItem'> = localStorage): Locale {
  const stored = storage.getItem(storageKey);
  return isLocale(stored) ? stored : 'zh-CN';
}

export function storeLocale(locale: Locale, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(storageKey, locale);
}

export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(dictionary: Dictionary): TranslateAny {
  return (key, vars) => format(dictionary[key] ?? key, vars);
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: TranslateAny;
  has: (key: string) => boolean;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({
  children,
  initial,
  dictionaries,
}: {
  children: ReactNode;
  initial: Locale;
  dictionaries: Dictionaries;
}) {
  const [locale, setLocaleState] = useState<Locale>(initial);
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo(
    () => ({
      locale,
      setLocale,
      t: translator(dictionaries[locale]),
      has: (key: string) => key in dictionaries[locale],
    }),
    [locale, setLocale, dictionaries],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * Adds dictionaries below the sign-in page — the signed-in workspace brings every feature's messages — while sharing the
 * language of the provider above (switching it here switches it there).
 */
export function FeatureDictionaries({ dictionaries, children }: { dictionaries: Dictionaries; children: ReactNode }) {
  const outer = useI18n();
  const value = useMemo(
    () => ({
      ...outer,
      t: translator(dictionaries[outer.locale]),
      has: (key: string) => key in dictionaries[outer.locale],
    }),
    [outer, dictionaries],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() needs an <I18nProvider> above it');
  return value;
}

/** The typed translator: shell keys and every registered feature's keys. */
export function useT(): Translate {
  return useI18n().t;
}

/** The translator for keys that arrive as data, and whether a key is known. */
export function useTranslateAny(): { t: TranslateAny; has: (key: string) => boolean } {
  const { t, has } = useI18n();
  return useMemo(() => ({ t, has }), [t, has]);
}

export function useLocale(): [Locale, (locale: Locale) => void] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}
