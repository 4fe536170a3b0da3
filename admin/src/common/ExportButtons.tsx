import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext, useLocale } from 'react-admin';
import introspectionSchema from 'virtual:gridwatch-introspection';
import { listQuery, specOf } from '../data/buildQuery';
import { SchemaIndex } from '../data/schema';

/** The API's export lists by console resource (`exportLists` names them). */
const EXPORT_NAMES: Record<string, string> = {
  cases: 'cases',
  grids: 'grids',
  sources: 'sources',
  departments: 'departments',
  officers: 'officers',
  gridWorkers: 'grid-workers',
};

const index = new SchemaIndex(introspectionSchema);

/**
 * The API's streamed export of the whole list under the current filters and order, as CSV or
 * XLSX (same origin: the session cookie goes along; rows are the caller's scope only).
 */
export function exportUrl(resource: string, filter: Record<string, unknown>, sort: { field: string; order: 'ASC' | 'DESC' } | undefined, format: 'csv' | 'xlsx', locale: string): string | null {
  const name = EXPORT_NAMES[resource];
  if (!name) return null;
  const { variables } = listQuery(index, specOf(resource), { filter, sort }, 'id');
  const params = new URLSearchParams();
  if (variables.filter) params.set('filter', JSON.stringify(variables.filter));
  if (typeof variables.orderBy === 'string') params.set('orderBy', variables.orderBy);
  if (locale === 'en') params.set('lang', 'en');
  const query = params.toString();
  return `/export/${name}.${format}${query ? `?${query}` : ''}`;
}

export const ExportButtons = () => {
  const { resource, filterValues, sort } = useListContext();
  const locale = useLocale();
  if (!resource || !EXPORT_NAMES[resource]) return null;
  const go = (format: 'csv' | 'xlsx') => () => {
    const url = exportUrl(resource, filterValues, sort, format, locale);
    if (url) window.location.assign(url);
  };
  return (
    <>
      <Button label="gw.export.csv" onClick={go('csv')} data-testid="export-csv">
        <DownloadIcon />
      </Button>
      <Button label="gw.export.xlsx" onClick={go('xlsx')} data-testid="export-xlsx">
        <DownloadIcon />
      </Button>
    </>
  );
};
