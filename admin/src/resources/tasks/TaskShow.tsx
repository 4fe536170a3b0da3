import { FactsLayout } from '../../common/FactsLayout';
import { gql } from '@apollo/client';
import { Box, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, CreateButton, Labeled, Show, TextField, TopToolbar, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { apolloClient } from '../../apollo';
import { can } from '../../auth/authProvider';
import { EnumField, ShanghaiDateField, formatShanghai } from '../../common/fields';
import { ProgressField } from '../../common/ProgressField';
import { SimpleTable } from '../../common/SimpleTable';
import { useLoadError } from '../../common/useLoadError';
import { useRun } from '../../common/useRun';
import { OverdueFlag } from './OverdueFlag';

interface Named {
  id: string;
  name: string;
}
interface Sub {
  id: string;
  title: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  grid: Named | null;
  officer: Named | null;
  gridWorker: Named | null;
}
interface Task {
  id: string;
  title: string;
  status: string;
  grid: { id: string } | null;
  plan: { id: string; title: string } | null;
  parent: { id: string; title: string } | null;
  subtasks?: Sub[];
}

const COMPLETE = gql`mutation CompleteTask($id: ID!, $result: String) { completeTask(id: $id, result: $result) { id status } }`;
const CANCEL = gql`mutation CancelTask($id: ID!) { cancelTask(id: $id) { id status } }`;

/** 办结 (with its result), 撤销, and 分解 into a subtask, as the rules and the state allow. */
const TaskActions = () => {
  const task = useRecordContext<Task>();
  const run = useRun();
  const translate = useTranslate();
  const [completing, setCompleting] = useState(false);
  const [result, setResult] = useState('');
  if (!task || task.status !== 'OPEN') return null;
  // The API refuses to complete a task with open subtasks: say so instead of offering it.
  const openSubtasks = (task.subtasks ?? []).some((sub) => sub.status === 'OPEN');
  const complete = async () => {
    if (await run(() => apolloClient.mutate({ mutation: COMPLETE, variables: { id: task.id, result: result || undefined } }), 'gw.task.completed')) setCompleting(false);
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, my: 1, flexWrap: 'wrap' }}>
      {can('update', 'WorkTask') ? <Button label="gw.task.complete" variant="contained" disabled={openSubtasks} onClick={() => setCompleting(true)} data-testid="task-complete" /> : null}
      {openSubtasks ? <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>{translate('gw.task.subtasks_open')}</Typography> : null}
      {can('create', 'WorkTask') ? (
        <CreateButton resource="tasks" label="gw.task.add_subtask" state={{ record: { parentId: task.id, parentTitle: task.title, parentGridId: task.grid?.id } }} data-testid="task-add-subtask" />
      ) : null}
      {can('deactivate', 'WorkTask') ? <Button label="gw.task.cancel" color="error" onClick={() => void run(() => apolloClient.mutate({ mutation: CANCEL, variables: { id: task.id } }), 'gw.task.cancelled')} data-testid="task-cancel" /> : null}
      <Dialog open={completing} onClose={() => setCompleting(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('gw.task.complete')}</DialogTitle>
        <DialogContent>
          <MuiTextField fullWidth multiline minRows={3} margin="dense" label={translate('resources.tasks.fields.result')} value={result} onChange={(e) => setResult(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'task-result' } }} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setCompleting(false)} />
          <Button label="gw.workflow.submit" variant="contained" onClick={() => void complete()} data-testid="task-complete-submit" />
        </DialogActions>
      </Dialog>
    </Box>
  );
};

const Subtasks = () => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  const locale = useLocale();
  if (!task) return null;
  return (
    <Box>
      <Typography variant="subtitle1">{translate('resources.tasks.fields.subtasks')}</Typography>
      <SimpleTable
        rowTestId="subtask"
        columns={[
          { label: translate('resources.tasks.fields.title') },
          { label: translate('resources.tasks.fields.status') },
          { label: translate('resources.tasks.fields.grid') },
          { label: translate('resources.tasks.fields.assignee') },
          { label: translate('resources.tasks.fields.dueAt') },
        ]}
        rows={(task.subtasks ?? []).map((s) => ({
          key: s.id,
          cells: [
            <Link key="t" to={`/tasks/${encodeURIComponent(s.id)}/show`}>{s.title}</Link>,
            translate(`gw.enum.TaskStatus.${s.status}`) + (s.overdue ? ` · ${translate('gw.task.overdue')}` : ''),
            s.grid?.name ?? '—',
            [s.officer?.name, s.gridWorker?.name].filter(Boolean).join('、') || '—',
            formatShanghai(s.dueAt, locale) || '—',
          ],
        }))}
      />
    </Box>
  );
};

/** Where the task comes from: its plan or its parent task. */
const Origin = () => {
  const task = useRecordContext<Task>();
  if (!task?.plan && !task?.parent) return null;
  const link = task.parent ? { to: `/tasks/${encodeURIComponent(task.parent.id)}/show`, text: task.parent.title, label: 'resources.tasks.fields.parent' } : { to: `/enforcementPlans/${encodeURIComponent(task.plan?.id ?? '')}/show`, text: task.plan?.title ?? '', label: 'resources.tasks.fields.plan' };
  return (
    <Labeled label={link.label}>
      <Link to={link.to}>{link.text}</Link>
    </Labeled>
  );
};

export const TaskShow = () => (
  <Show queryOptions={useLoadError()} actions={<TopToolbar />}>
    <FactsLayout>
      <TextField source="title" />
      <EnumField source="origin" enumName="TaskOrigin" />
      <EnumField source="status" enumName="TaskStatus" />
      <Origin />
      <TextField source="grid.name" label="resources.tasks.fields.grid" />
      <TextField source="officer.name" label="resources.tasks.fields.officer" emptyText="—" />
      <TextField source="gridWorker.name" label="resources.tasks.fields.gridWorker" emptyText="—" />
      <ShanghaiDateField source="dueAt" emptyText="—" />
      <OverdueFlag label="resources.tasks.fields.overdue" />
      <TextField source="description" emptyText="—" />
      <ShanghaiDateField source="completedAt" emptyText="—" />
      <TextField source="result" emptyText="—" />
      <ProgressField label="resources.tasks.fields.progress" />
      <TaskActions />
      <Subtasks />
    </FactsLayout>
  </Show>
);
