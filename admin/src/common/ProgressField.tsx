import { Box, LinearProgress, Typography } from '@mui/material';
import { FunctionField } from 'react-admin';

interface Progress {
  total: number;
  done: number;
}

/** done / total with a bar (plans: their lines; tasks: their subtasks). */
export const ProgressField = ({ source = 'progress', label }: { source?: string; label?: string }) => (
  <FunctionField
    source={source}
    label={label}
    sortable={false}
    render={(record: Record<string, Progress | undefined>) => {
      const p = record[source];
      if (!p) return null;
      return (
        <Box sx={{ minWidth: 120 }} data-testid="progress">
          <Typography variant="body2">
            {p.done} / {p.total}
          </Typography>
          {p.total ? <LinearProgress variant="determinate" value={(100 * p.done) / p.total} /> : null}
        </Box>
      );
    }}
  />
);

/** A rate in 0..1 as a percentage with one decimal. */
export const percent = (rate: number | null | undefined): string => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);
