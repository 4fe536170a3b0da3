import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
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

const show = (value: unknown) => (value == null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Every change of the archive entry: who-what-when as the API keeps it, newest first. */
export const SourceHistory = () => {
  const record = useRecordContext<{ id: string; history?: { nodes: Change[] } }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const rows = record?.history?.nodes ?? [];
  const value = (field: string, v: unknown) => (ENUMS[field] && typeof v === 'string' ? translate(`gw.enum.${ENUMS[field]}.${v}`, { _: v }) : show(v));
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
