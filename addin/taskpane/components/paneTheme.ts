import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/**
 * Office's theme (light, dark, black) as the pane's Fluent theme: a dark Office gets the dark
 * theme, so text keeps its contrast; Windows high contrast is honoured by Fluent's forced-colors
 * styles. `Office.context.officeTheme` gives the host's colours
 * (https://learn.microsoft.com/javascript/api/office/office.officetheme); absent, the light theme.
 */
export function paneTheme(office: { context?: { officeTheme?: { bodyBackgroundColor?: string } } } | undefined): Theme {
  const background = office?.context?.officeTheme?.bodyBackgroundColor;
  return background && isDark(background) ? webDarkTheme : webLightTheme;
}

/** Relative luminance under 0.4 (WCAG's formula on the sRGB channels). */
export function isDark(hex: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return false;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((c) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.4;
}
