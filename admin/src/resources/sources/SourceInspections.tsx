import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface Inspection {
  id: string;
  inspectedOn: string;
  result: string;
  findings: string;
  inspectorName: string;
  supervisionLevel: string;
}
interface Quarter {
  quarter: string;
  inspected: boolean;
  violationFound: boolean;
  caseOpen: boolean;
}
interface WithInspections {
  inspections?: { nodes: Inspection[] };
  complianceHistory?: { summary: string; quarters: Quarter[] };
}

/** The source's inspections (执法检查记录), newest first. */
export const SourceInspections = () => {
  const record = useRecordContext<WithInspections & { id: string }>();
  const translate = useTranslate();
  const rows = record?.inspections?.nodes ?? [];
  if (!rows.length) return <Typography color="text.secondary">{translate('gw.source.inspections_empty')}</Typography>;
  return (
    <Table size="small" data-testid="source-inspections">
      <TableHead>
        <TableRow>
          <TableCell>{translate('gw.source.inspected_on')}</TableCell>
          <TableCell>{translate('gw.source.result')}</TableCell>
          <TableCell>{translate('gw.source.inspector')}</TableCell>
          <TableCell>{translate('gw.source.findings')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{r.inspectedOn}</TableCell>
            <TableCell>{translate(`gw.enum.InspectionResult.${r.result}`)}</TableCell>
            <TableCell>{r.inspectorName}</TableCell>
            <TableCell>{r.findings}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** ECHO-style compliance history: one cell per quarter (inspected, violation found, case open). */
export const ComplianceHistory = () => {
  const record = useRecordContext<WithInspections & { id: string }>();
  const translate = useTranslate();
  const history = record?.complianceHistory;
  if (!history) return null;
  const colour = (q: Quarter) => (q.violationFound ? 'error' : q.caseOpen ? 'warning' : q.inspected ? 'success' : 'default');
  const label = (q: Quarter) =>
    [q.inspected ? 'inspected' : 'not_inspected', q.violationFound ? 'violation' : null, q.caseOpen ? 'case_open' : null]
      .filter(Boolean)
      .map((k) => translate(`gw.source.q_${k}`))
      .join('，');
  return (
    <Box data-testid="compliance-history">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, my: 1 }}>
        {history.quarters.map((q) => (
          <Tooltip key={q.quarter} title={label(q)}>
            <Chip label={q.quarter} color={colour(q)} variant={q.inspected || q.violationFound || q.caseOpen ? 'filled' : 'outlined'} data-testid="compliance-quarter" />
          </Tooltip>
        ))}
      </Box>
      <Typography variant="body2" color="text.secondary">
        {translate('gw.source.compliance_legend')}
      </Typography>
    </Box>
  );
};
