import type { ThemeConfig } from 'antd';

/**
 * The one place the app's colours are set (GB/T 37668-2019, WCAG 2.1 AA): text at least 4.5:1 against its
 * background, controls and focus indicators at least 3:1. Ant Design's defaults fail: #1677ff under white text is
 * 4.1:1, secondary text 0.45 black is 3.4:1 on white, #ff4d4f 3.3:1, placeholders 1.8:1, input borders 1.4:1.
 * Ratios in the comments are against white.
 */
export const palette = {
  primary: '#0958d9', // 6.2:1; white on it 6.2:1
  primaryHover: '#003eb3',
  error: '#cf1322', // 5.6:1
  success: '#237804', // 5.6:1
  warning: '#874d00', // 6.9:1
  textSecondary: 'rgba(0, 0, 0, 0.65)', // #595959, 7:1
  textTertiary: 'rgba(0, 0, 0, 0.62)', // #616161, 6.2:1
  placeholder: 'rgba(0, 0, 0, 0.58)', // #6b6b6b, 5.3:1
  border: '#8c8c8c', // 3.4:1
  focus: '#0958d9',
} as const;

/**
 * Preset tag colours (green, gold, ...) draw their text in the palette's 7th shade on its 1st (#389e0d on #f6ffed is
 * 3.3:1): take darker shades. Each shade has two token names (green7, green-7) that share one CSS variable, so both.
 */
const darkShades = {
  green: '#135200',
  blue: '#003eb3',
  red: '#a8071a',
  orange: '#873800',
  gold: '#613400',
  yellow: '#614700',
  purple: '#391085',
  cyan: '#00474f',
  volcano: '#871400',
  geekblue: '#061178',
  magenta: '#780650',
  lime: '#254000',
} as const;

const presetTagText = Object.fromEntries(
  Object.entries(darkShades).flatMap(([color, shade]) => [
    [`${color}7`, shade],
    [`${color}-7`, shade],
  ]),
) as Partial<NonNullable<ThemeConfig['token']>>;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: palette.primary,
    colorInfo: palette.primary,
    colorLink: palette.primary,
    colorError: palette.error,
    colorSuccess: palette.success,
    colorWarning: palette.warning,
    colorTextSecondary: palette.textSecondary,
    colorTextTertiary: palette.textTertiary,
    colorTextDescription: palette.textTertiary,
    colorTextPlaceholder: palette.placeholder,
    colorBorder: palette.border,
    // Hover and pressed shades darken (antd's lighten: #2e7ae6 is 4.2:1).
    colorPrimaryHover: palette.primaryHover,
    colorPrimaryActive: '#002c8c',
    colorPrimaryTextHover: palette.primaryHover,
    colorLinkHover: palette.primaryHover,
    colorLinkActive: '#002c8c',
    colorErrorHover: '#a8071a',
    colorErrorActive: '#820014',
    // Status text on its pale background (tags, alerts): antd derives grey-green backgrounds from dark seeds.
    colorSuccessText: '#135200',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningText: '#613400',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorErrorText: '#a8071a',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorInfoText: '#003eb3',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    ...presetTagText,
    controlOutline: 'rgba(9, 88, 217, 0.35)',
  },
  components: {
    Menu: {
      darkItemSelectedBg: palette.primary,
      darkItemColor: 'rgba(255, 255, 255, 0.85)',
    },
    Button: {
      primaryShadow: 'none',
    },
  },
};

/** The theme for this visitor: without animations when they asked the system for reduced motion. */
export function themeFor(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;
}
