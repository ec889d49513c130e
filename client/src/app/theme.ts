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
    // Preset tag colours (green, blue, ...) draw text in the palette's 7th shade on its 1st: take darker shades.
    green7: '#135200',
    blue7: '#003eb3',
    red7: '#a8071a',
    orange7: '#873800',
    gold7: '#613400',
    purple7: '#391085',
    cyan7: '#00474f',
    volcano7: '#871400',
    geekblue7: '#061178',
    magenta7: '#780650',
    lime7: '#254000',
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
