import type { ThemeOptions } from '@mui/material';
import { defaultDarkTheme, defaultLightTheme } from 'react-admin';

/** Narrower than MUI's sm breakpoint: a phone held upright. */
const PHONE = '@media (max-width: 599.95px)';

/** Labels as written (buttons and tabs): MUI's uppercase buttons turned "导出 Excel" into "导出 EXCEL" and "English" into "ENGLISH". */
const asWritten = (theme: ThemeOptions): ThemeOptions => ({
  ...theme,
  components: {
    ...theme.components,
    MuiButton: { ...theme.components?.MuiButton, styleOverrides: { root: { textTransform: 'none' } } },
    MuiToggleButton: { ...theme.components?.MuiToggleButton, styleOverrides: { root: { textTransform: 'none' } } },
    // Tabs too: "SUMMARY", "HISTORY" in English, and the same shouting in any Latin label.
    MuiTab: { ...theme.components?.MuiTab, styleOverrides: { root: { textTransform: 'none' } } },
    // react-admin's layout is at least as wide as its widest content (min-width: fit-content), so a
    // row of tabs too long for a phone widened the whole page and the browser cut bar and banners
    // at the screen's edge. On a phone the page keeps the screen's width; tabs and tables scroll.
    RaLayout: { styleOverrides: { root: { [PHONE]: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } } } },
    // A list's table keeps its columns on a phone and scrolls sideways inside its card; what sits
    // beside the list on a desk (the grid tree, a note) goes under it.
    RaList: {
      styleOverrides: {
        root: {
          [PHONE]: {
            flexDirection: 'column',
            '& .RaList-main': { minWidth: 0 },
            '& .RaList-content': { minWidth: 0, overflowX: 'auto' },
            // Names stay on one line (a column four characters wide broke 居民委员会 into a tower).
            '& .RaList-content .MuiTableCell-root': { whiteSpace: 'nowrap' },
          },
        },
      },
    },
  },
});

export const lightTheme = asWritten(defaultLightTheme);
export const darkTheme = asWritten(defaultDarkTheme);
