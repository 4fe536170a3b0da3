import type { ReactNode } from 'react';
import { SimpleShowLayout } from 'react-admin';

/** Long texts span the row wherever they appear. */
const LONG_TEXTS = ['description', 'address', 'summary', 'result', 'answerText', 'ancestors'];

/** The class of a tabbed page's summary tab (`<Tab contentClassName={FACTS_TAB}>`) laid out as facts. */
export const FACTS_TAB = 'gw-facts';

const fieldClass = (source: string) => `.ra-field-${source.replace(/\./g, '\\.')}`;

/**
 * A record's facts as a description list of two or three columns, the way a 案卷 is laid out,
 * under `selector`. Long texts, the sources in `wide`, and every child without a source
 * (actions, tables, sub-lists) span the whole row.
 */
export function factsGrid(wide: readonly string[] = [], selector = '& .RaSimpleShowLayout-stack') {
  const spanning = ['.ra-field:not([class*="ra-field-"])', ...[...LONG_TEXTS, ...wide].map(fieldClass)].map((c) => `& > ${c}`).join(', ');
  return {
    [selector]: {
      display: 'grid',
      columnGap: 3,
      rowGap: 1.5,
      gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(3, minmax(0, 1fr))' },
      // The Stack's own spacing is a top margin; in a grid it would push all but the first cell down.
      '& > :not(style) ~ :not(style)': { marginTop: 0 },
      [spanning]: { gridColumn: '1 / -1' },
    },
  };
}

/** SimpleShowLayout as a description list (see factsGrid). */
export const FactsLayout = ({ wide, children }: { wide?: readonly string[]; children: ReactNode }) => (
  <SimpleShowLayout sx={factsGrid(wide)} data-testid="facts">
    {children}
  </SimpleShowLayout>
);
