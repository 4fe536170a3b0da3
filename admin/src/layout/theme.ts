import type { ThemeOptions } from '@mui/material';
import { defaultDarkTheme, defaultLightTheme } from 'react-admin';

/** Labels as written (buttons and tabs): MUI's uppercase buttons turned "导出 Excel" into "导出 EXCEL" and "English" into "ENGLISH". */
const asWritten = (theme: ThemeOptions): ThemeOptions => ({
  ...theme,
  components: {
    ...theme.components,
    MuiButton: { ...theme.components?.MuiButton, styleOverrides: { root: { textTransform: 'none' } } },
    MuiToggleButton: { ...theme.components?.MuiToggleButton, styleOverrides: { root: { textTransform: 'none' } } },
    // Tabs too: "SUMMARY", "HISTORY" in English, and the same shouting in any Latin label.
    MuiTab: { ...theme.components?.MuiTab, styleOverrides: { root: { textTransform: 'none' } } },
  },
});

export const lightTheme = asWritten(defaultLightTheme);
export const darkTheme = asWritten(defaultDarkTheme);
