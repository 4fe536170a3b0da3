import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetMany, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatShanghai } from '../../common/fields';

interface Change {
  action: string;
  at: string;
  changes: Record<string, [unknown, unknown]>;
  actorName?: string | null;
  actorRole?: string | null;
  reason?: string | null;
}

const ENUMS: Record<string, string> = { type: 'SourceType', status: 'SourceStatus', supervisionLevel: 'SupervisionLevel' };

/** The history keeps the grid's database id; the API names grids by their global id ("Grid:659", base64url). */
const gridGlobalId = (id: unknown) => btoa(`Grid:${String(id)}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const show = (value: unknown) => (value == null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Every change of the archive entry: who-what-when as the API keeps it, newest first. */
export const SourceHistory = () => {
  const record = useRecordContext<{ id: string; history?: { nodes: Change[] } }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const rows = record?.history?.nodes ?? [];
  // The grids named in the history, by name instead of the bare id ("所在网格: — → 659").
  const gridIds = [...new Set(rows.flatMap((c) => (c.changes.gridId ?? []).filter((v) => v != null).map(gridGlobalId)))];
  const { data: grids } = useGetMany<{ id: string; name: string }>('grids', { ids: gridIds }, { enabled: gridIds.length > 0 });
  const gridName = (v: unknown) => (grids ? (grids.find((g) => g.id === gridGlobalId(v))?.name ?? translate('gw.source.grid_out_of_scope')) : '…');
  const value = (field: string, v: unknown) =>
    field === 'gridId' && v != null ? gridName(v) : ENUMS[field] && typeof v === 'string' ? translate(`gw.enum.${ENUMS[field]}.${v}`, { _: v }) : show(v);
  if (!rows.length) return <Typography color="text.secondary">{translate('gw.source.history_empty')}</Typography>;
  return (
    <Table size="small" data-testid="source-history">
      <TableHead>
        <TableRow>
          <TableCell>{translate('gw.source.at')}</TableCell>
          <TableCell>{translate('gw.source.action')}</TableCell>
          <TableCell>{translate('gw.source.by')}</TableCell>
          <TableCell>{translate('gw.source.changes')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((c, i) => (
          <TableRow key={i}>
            <TableCell>{formatShanghai(c.at, locale)}</TableCell>
            <TableCell>{translate(`gw.enum.SourceChangeAction.${c.action}`)}</TableCell>
            <TableCell>{[c.actorName, c.actorRole ? translate(`gw.role.${c.actorRole}`) : null].filter(Boolean).join(' · ') || '—'}</TableCell>
            <TableCell>
              {c.reason ? <div>{translate('gw.source.reason')}: {c.reason}</div> : null}
              {Object.entries(c.changes).map(([field, [before, after]]) => (
                <div key={field}>
                  {translate(`resources.sources.fields.${field}`, { _: field })}: {value(field, before)} → {value(field, after)}
                </div>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
