import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface Column {
  label: string;
  align?: 'right';
}
export interface Row {
  key: string;
  cells: ReactNode[];
}

/** A small read-only table for custom screens, with the translated empty state when there are no rows. */
export const SimpleTable = ({ columns, rows, rowTestId }: { columns: Column[]; rows: Row[]; rowTestId?: string }) => {
  const translate = useTranslate();
  if (!rows.length) return <Typography color="text.secondary">{translate('gw.empty')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {columns.map((c) => (
            <TableCell key={c.label} align={c.align}>
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key} data-testid={rowTestId}>
            {r.cells.map((cell, i) => (
              <TableCell key={i} align={columns[i]?.align}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
