import { useLocale, type Locale } from '../i18n';

// The accessibility shell's own words (skip link, titles, control names), zh-CN first. Kept beside the components that
// use them so that the shell's dictionaries stay the features' own.
const messages = {
  'zh-CN': {
    skipToContent: '跳到主要内容',
    showPassword: '显示密码',
    hidePassword: '隐藏密码',
    openMenu: '打开导航菜单',
    closeMenu: '关闭导航菜单',
    search: '搜索',
    signInTitle: '登录',
    loading: '正在加载…',
  },
  en: {
    skipToContent: 'Skip to main content',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    openMenu: 'Open the navigation menu',
    closeMenu: 'Close the navigation menu',
    search: 'Search',
    signInTitle: 'Sign in',
    loading: 'Loading…',
  },
} satisfies Record<Locale, Record<string, string>>;

export type A11yMessages = (typeof messages)['zh-CN'];

export function a11yMessages(locale: Locale): A11yMessages {
  return messages[locale];
}

export function useA11yText(): A11yMessages {
  const [locale] = useLocale();
  return messages[locale];
}
