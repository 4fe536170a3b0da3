import { Box, Chip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import type { GridwatchDataProvider } from '../../data/dataProvider';
import { currentMe } from '../../auth/authProvider';

type Queue = 'department' | 'unit' | 'dispatch' | 'verify' | 'below' | 'mine' | 'overdue' | 'due_soon';

/** Each queue is a CaseFilter the API has: leadDepartmentId / handlingUnitId (+ open or a status), handledBelowId, reportedById, due. */
function queueFilter(queue: Queue): Record<string, unknown> {
  const me = currentMe();
  switch (queue) {
    case 'department':
      return { leadDepartmentId: me?.department?.id, open: true };
    case 'unit':
      return { handlingUnitId: me?.unit.id, open: true };
    case 'dispatch':
      return { handlingUnitId: me?.unit.id, status: 'FILED' };
    case 'verify':
      return { handlingUnitId: me?.unit.id, status: 'FED_BACK' };
    case 'below':
      return { handledBelowId: me?.unit.id, open: true };
    case 'mine':
      return { reportedById: me?.account.id };
    case 'overdue':
      return { due: 'OVERDUE' };
    case 'due_soon':
      return { due: 'DUE_SOON' };
  }
}

/**
 * A department account works the cases its department leads; its unit never handles any itself.
 * A unit's own work is filing, dispatching and verifying; a county or the city also watches what
 * waits at the units under it.
 */
function queuesOf(): Queue[] {
  const me = currentMe();
  if (me?.department) return ['department', 'mine', 'overdue', 'due_soon'];
  if (me?.role === 'GRID_WORKER' || me?.role === 'OFFICER') return ['unit', 'mine', 'overdue', 'due_soon'];
  const below: Queue[] = me?.unit.level === 'COUNTY' || me?.unit.level === 'CITY' ? ['below'] : [];
  return ['unit', 'dispatch', 'verify', ...below, 'mine', 'overdue', 'due_soon'];
}
const QUEUE_KEYS = ['leadDepartmentId', 'reportedById', 'handlingUnitId', 'handledBelowId', 'open', 'due', 'status'];

/** How many cases each queue holds: one request for all the chips, refreshed with the list. */
function useQueueCounts(queues: Queue[]): Partial<Record<Queue, number>> {
  const dataProvider = useDataProvider<GridwatchDataProvider>();
  const { data } = useQuery({
    queryKey: ['cases', 'queueCounts', queues],
    queryFn: () => dataProvider.countMany('cases', Object.fromEntries(queues.map((q) => [q, queueFilter(q)]))),
  });
  return data ?? {};
}

function activeQueue(filter: Record<string, unknown>): Queue | undefined {
  return queuesOf().find((q) => Object.entries(queueFilter(q)).every(([k, v]) => filter[k] === v) && QUEUE_KEYS.every((k) => k in queueFilter(q) || filter[k] === undefined));
}

/** Quick filters above the case list: my department's or my unit's to-dos, what I reported, overdue, due soon. */
export const WorkQueues = () => {
  const translate = useTranslate();
  const { filterValues, setFilters } = useListContext();
  const active = activeQueue(filterValues);
  const queues = queuesOf();
  const counts = useQueueCounts(queues);
  const choose = (queue: Queue) => {
    const rest = Object.fromEntries(Object.entries(filterValues).filter(([k]) => !QUEUE_KEYS.includes(k)));
    setFilters(active === queue ? rest : { ...rest, ...queueFilter(queue) }, {});
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, px: 2, py: 1, flexWrap: 'wrap' }} data-testid="work-queues">
      {queues.map((q) => (
        <Chip
          key={q}
          data-testid={`queue-${q}`}
          label={
            <>
              {translate(`gw.queues.${q}`, { department: currentMe()?.department?.name ?? '' })}
              {counts[q] == null ? null : <span data-testid={`queue-count-${q}`}> {counts[q]}</span>}
            </>
          }
          color={active === q ? 'primary' : 'default'}
          variant={active === q ? 'filled' : 'outlined'}
          onClick={() => choose(q)}
        />
      ))}
    </Box>
  );
};
