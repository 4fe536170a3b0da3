import { Alert, Box, ButtonBase, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { can } from '../auth/authProvider';
import { useApi } from '../common/useApi';
import { DutyCellDialog } from './DutyCellDialog';
import { DUTY_LEVELS, DUTY_MATRIX, type DutyCell } from './queries';

interface Matrix {
  dutyMatrix: DutyCell[];
  dutyMatrixGaps: DutyCell[];
}

/** One cell: the lead in bold, the partners below; a hole says so. */
const CellText = ({ cell }: { cell: DutyCell }) => {
  const translate = useTranslate();
  const field = (f: string) => translate(`gw.enum.DepartmentField.${f}`);
  if (!cell.responsible) return <Typography color="error" sx={{ fontWeight: 'bold' }}>{translate('gw.duty.gap')}</Typography>;
  return (
    <Box sx={{ textAlign: 'left' }}>
      <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
        {field(cell.responsible)}
      </Typography>
      {cell.coResponsible.length ? (
        <Typography variant="caption" color="text.secondary">
          {translate('gw.duty.with')} {cell.coResponsible.map(field).join('、')}
        </Typography>
      ) : null}
    </Box>
  );
};

/**
 * 法定职责矩阵: case category × unit level → the lead department's field and its partners.
 * Everyone may read it; the city administrator edits a cell by clicking it. The gaps check
 * (dutyMatrixGaps) is shown on top. Narrow screens scroll the table sideways, the category
 * column staying in view.
 */
export const DutyMatrixPage = () => {
  const translate = useTranslate();
  const matrix = useApi<Matrix>(DUTY_MATRIX, {});
  const [editing, setEditing] = useState<DutyCell | null>(null);
  const editable = can('update', 'DutyAssignment');
  const cells = matrix.data?.dutyMatrix ?? [];
  const categories = cells.filter((c) => c.level === DUTY_LEVELS[0]).map((c) => c.category);
  const cellOf = (categoryId: string, level: string) => cells.find((c) => c.category.id === categoryId && c.level === level);
  const gaps = matrix.data?.dutyMatrixGaps ?? [];
  return (
    <Card sx={{ mt: 2 }} data-testid="duty-matrix-page">
      <Title title="gw.menu.duty_matrix" />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, px: { xs: 1, sm: 2 } }}>
        <Typography color="text.secondary">{translate(editable ? 'gw.duty.hint_edit' : 'gw.duty.hint')}</Typography>
        {matrix.error ? <Alert severity="error">{translate(matrix.error)}</Alert> : null}
        {matrix.data ? (
          <Alert severity={gaps.length ? 'warning' : 'success'} data-testid="duty-gaps">
            {gaps.length
              ? translate('gw.duty.gaps', {
                  smart_count: gaps.length,
                  cells: gaps.map((g) => `${translate(`gw.category.${g.category.code}`, { _: g.category.name })}·${translate(`gw.enum.GridLevel.${g.level}`)}`).join('，'),
                })
              : translate('gw.duty.no_gaps')}
          </Alert>
        ) : null}
        {/* Capped by the viewport on phones, so the table scrolls in here and the page does not. */}
        <Box sx={{ overflowX: 'auto', maxWidth: { xs: 'calc(100vw - 32px)', md: 'none' } }}>
          <Table size="small" sx={{ minWidth: 520 }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1 }}>{translate('gw.duty.category')}</TableCell>
                {DUTY_LEVELS.map((level) => (
                  <TableCell key={level}>{translate(`gw.enum.GridLevel.${level}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {categories.map((category) => (
                <TableRow key={category.id} data-testid="duty-row">
                  <TableCell sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1, whiteSpace: 'nowrap' }}>
                    {translate(`gw.category.${category.code}`, { _: category.name })}
                  </TableCell>
                  {DUTY_LEVELS.map((level) => {
                    const cell = cellOf(category.id, level);
                    if (!cell) return <TableCell key={level} />;
                    const testId = `duty-cell-${category.code}-${level}`;
                    return (
                      <TableCell key={level} sx={{ verticalAlign: 'top' }}>
                        {editable ? (
                          <ButtonBase onClick={() => setEditing(cell)} data-testid={testId} sx={{ display: 'block', width: '100%', minHeight: 40, borderRadius: 1, p: 0.5, '&:hover': { bgcolor: 'action.hover' } }}>
                            <CellText cell={cell} />
                          </ButtonBase>
                        ) : (
                          <Box data-testid={testId}>
                            <CellText cell={cell} />
                          </Box>
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
      {editing ? (
        <DutyCellDialog
          cell={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) matrix.reload();
          }}
        />
      ) : null}
    </Card>
  );
};
