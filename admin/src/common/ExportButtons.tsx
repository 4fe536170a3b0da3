import { gql } from '@apollo/client';
import DownloadIcon from '@mui/icons-material/Download';
import { useEffect, useState } from 'react';
import { Button, useListContext, useLocale, useResourceContext } from 'react-admin';
import introspectionSchema from 'virtual:gridwatch-introspection';
import { apolloClient } from '../apollo';
import { currentMe } from '../auth/authProvider';
import { listQuery, specOf, topLevelArgs } from '../data/buildQuery';
import { SchemaIndex } from '../data/schema';

/** The API's export lists by console resource (`exportLists` names them). */
const EXPORT_NAMES: Record<string, string> = {
  cases: 'cases',
  grids: 'grids',
  sources: 'sources',
  departments: 'departments',
  officers: 'officers',
  gridWorkers: 'grid-workers',
  tasks: 'tasks',
  enforcementPlans: 'enforcement-plans',
  patrolPlans: 'patrol-plans',
  patrolCheckIns: 'patrol-check-ins',
  audits: 'audits',
  auditRecommendations: 'audit-recommendations',
};

const index = new SchemaIndex(introspectionSchema);

interface ExportList {
  name: string;
  filterType: string;
}
const EXPORT_LISTS = gql`query ExportLists { exportLists { name filterType } }`;
let asked: { account: string; lists: Promise<ExportList[]> } | null = null;

/** The lists this account may export, asked once per sign-in: a button shows only for a list the API has. */
function exportLists(): Promise<ExportList[]> {
  const account = currentMe()?.account.id ?? '';
  if (asked?.account !== account) {
    const lists = apolloClient
      .query<{ exportLists: ExportList[] }>({ query: EXPORT_LISTS, fetchPolicy: 'network-only' })
      .then((r) => r.data.exportLists, () => []);
    asked = { account, lists };
  }
  return asked.lists;
}

export function useExportList(name: string | undefined): ExportList | null {
  const [list, setList] = useState<ExportList | null>(null);
  useEffect(() => {
    let live = true;
    if (name) void exportLists().then((lists) => live && setList(lists.find((l) => l.name === name) ?? null));
    return () => {
      live = false;
    };
  }, [name]);
  return list;
}

/** The filter as the export's filter type takes it: only the fields that type declares. */
function exportFilter(list: ExportList, values: Record<string, unknown>): Record<string, unknown> {
  const allowed = index.inputFields(list.filterType);
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== undefined && value !== '' && (!allowed || allowed.has(key))));
}

export function exportUrl(list: ExportList, filter: Record<string, unknown>, orderBy: string | undefined, format: 'csv' | 'xlsx', locale: string): string {
  const params = new URLSearchParams();
  const values = exportFilter(list, filter);
  if (Object.keys(values).length) params.set('filter', JSON.stringify(values));
  if (orderBy) params.set('orderBy', orderBy);
  if (locale === 'en') params.set('lang', 'en');
  const query = params.toString();
  return `/export/${list.name}.${format}${query ? `?${query}` : ''}`;
}

/**
 * The API's streamed export of a whole list as CSV or XLSX (same origin: the session cookie
 * goes along; rows are the caller's scope only). Shown only when `exportLists` names the list.
 */
export const ExportLinks = ({ name, filter, orderBy, scopeKeys = [] }: { name: string; filter: Record<string, unknown>; orderBy?: string; scopeKeys?: string[] }) => {
  const locale = useLocale();
  const list = useExportList(name);
  if (!list) return null;
  // An export of one campaign or one table must be filtered by it: without such a field, no button.
  const allowed = index.inputFields(list.filterType);
  if (allowed && scopeKeys.some((key) => !allowed.has(key))) return null;
  const go = (format: 'csv' | 'xlsx') => () => window.location.assign(exportUrl(list, filter, orderBy, format, locale));
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

/** A list's export under its current filters and order (the same translation the list query uses). */
export const ExportButtons = () => {
  const { filterValues, sort } = useListContext();
  const resource = useResourceContext();
  const name = resource ? EXPORT_NAMES[resource] : undefined;
  if (!resource || !name) return null;
  const spec = specOf(resource);
  const { variables } = listQuery(index, spec, { filter: filterValues, sort }, 'id');
  const raw = spec.toFilter ? spec.toFilter(filterValues) : filterValues;
  const filter = { ...(variables.filter as Record<string, unknown> | undefined), ...topLevelArgs(index, spec.list, raw) };
  return <ExportLinks name={name} filter={filter} orderBy={typeof variables.orderBy === 'string' ? variables.orderBy : undefined} />;
};
