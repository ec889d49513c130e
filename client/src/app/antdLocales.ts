import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';

/** The date picker's header buttons (年份, 月份, 年代) whose visible text is the year or month shown. */
const headerLabels = ['yearSelect', 'monthSelect', 'decadeSelect'] as const;

type PickerLang = NonNullable<Locale['DatePicker']>['lang'];

function withoutHeaderLabels<T extends PickerLang | undefined>(lang: T): T {
  if (!lang) return lang;
  const copy: Record<string, unknown> = { ...lang };
  for (const key of headerLabels) delete copy[key];
  return copy as T;
}

/**
 * Ant Design's locale with the picker header buttons named by what they show. antd labels the button showing
 * "2027年" as "选择年份", so a speech-input user who says what they see cannot reach it and axe reports
 * label-content-name-mismatch (WCAG 2.5.3); without the label the button is named by its text.
 */
export function accessibleLocale(locale: Locale): Locale {
  return {
    ...locale,
    DatePicker: locale.DatePicker && { ...locale.DatePicker, lang: withoutHeaderLabels(locale.DatePicker.lang) },
    Calendar: locale.Calendar && { ...locale.Calendar, lang: withoutHeaderLabels(locale.Calendar.lang) },
  };
}

/**
 * antd/locale/* are CommonJS modules: Node hands over the locale, the production bundle the module object
 * ({ default: locale }), which antd unwraps itself but a spread would not.
 */
function moduleLocale(imported: Locale): Locale {
  const wrapped = imported as Locale & { default?: Locale };
  return wrapped.default ?? imported;
}

export const antdLocales = {
  'zh-CN': accessibleLocale(moduleLocale(zhCN)),
  'en-US': accessibleLocale(moduleLocale(enUS)),
} as const;
