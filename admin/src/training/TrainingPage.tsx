import { gql } from '@apollo/client';
import { Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { Identity } from '../auth/authProvider';
import { apolloClient } from '../apollo';
import { can } from '../auth/authProvider';
import { enumChoices } from '../common/enums';
import { useApi } from '../common/useApi';
import { useRun } from '../common/useRun';
import { AttendanceDialog } from './AttendanceDialog';

interface Course {
  id: string;
  title: string;
  level: string;
  topic: string;
  audience: string;
  unit: { id: string; name: string } | null;
}
export interface Session {
  id: string;
  heldOn: string;
  place: string;
  hours: number;
  unit: { id: string; name: string } | null;
  course: Course | null;
  attendance: { id: string; officer: { name: string } | null; gridWorker: { name: string } | null }[];
}
interface Lists {
  trainingSessions: { nodes: Session[] };
  trainingCourses: { nodes: Course[] };
}

const COURSE = 'id title level topic audience unit { id name }';
const LISTS = gql`
  query Training {
    trainingSessions(first: 100) { nodes { id heldOn place hours unit { id name } course { ${COURSE} } attendance { id officer { name } gridWorker { name } } } }
    trainingCourses(first: 100) { nodes { ${COURSE} } }
  }
`;
const CREATE_COURSE = gql`mutation CreateTrainingCourse($input: TrainingCourseInput!) { createTrainingCourse(input: $input) { id } }`;
const CREATE_SESSION = gql`mutation CreateTrainingSession($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id } }`;

type Form = { kind: 'course'; title: string; topic: string; audience: string } | { kind: 'session'; courseId: string; heldOn: string; place: string; hours: string };

/**
 * 培训/轮训: sessions (newest first) with who attended, and the courses by level and topic.
 * The organising unit's administrators add courses and sessions and record attendance; the
 * API decides who may (the buttons follow the packed rules).
 */
export const TrainingPage = () => {
  const translate = useTranslate();
  const run = useRun();
  const identity = useGetIdentity().data as Identity | undefined;
  const { data, error, reload } = useApi<Lists>(LISTS, {});
  const [form, setForm] = useState<Form | null>(null);
  const [recording, setRecording] = useState<Session | null>(null);
  const sessions = data?.trainingSessions.nodes ?? [];
  const courses = data?.trainingCourses.nodes ?? [];
  const t = (key: string, options?: Record<string, unknown>) => translate(`gw.training.${key}`, options);
  const label = (e: string, v: string) => translate(`gw.enum.${e}.${v}`, { _: v });

  const save = async () => {
    if (!form) return;
    const ok = await run(
      () =>
        form.kind === 'course'
          ? apolloClient.mutate({ mutation: CREATE_COURSE, variables: { input: { title: form.title, topic: form.topic, audience: form.audience } } })
          : apolloClient.mutate({ mutation: CREATE_SESSION, variables: { input: { courseId: form.courseId, heldOn: form.heldOn, place: form.place, hours: Number(form.hours) || 1 } } }),
      'gw.training.created',
    );
    if (ok) setForm(null);
    reload();
  };

  return (
    <Box sx={{ mt: 2 }} data-testid="training">
      <Title title="gw.menu.training" />
      {error ? <Typography color="error">{translate(error)}</Typography> : null}
      <Card>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1, flexWrap: 'wrap', gap: 1 }}>
            <Typography variant="h6">{t('sessions')}</Typography>
            {can('create', 'TrainingSession') ? (
              <Button size="small" variant="outlined" data-testid="new-session" onClick={() => setForm({ kind: 'session', courseId: '', heldOn: '', place: '', hours: '2' })}>
                {t('new_session')}
              </Button>
            ) : null}
          </Stack>
          {sessions.length ? (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" data-testid="training-sessions">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('held_on')}</TableCell>
                    <TableCell>{t('course')}</TableCell>
                    <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{t('place')}</TableCell>
                    <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{t('unit')}</TableCell>
                    <TableCell align="right">{t('attendance')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {sessions.map((s) => (
                    <TableRow key={s.id} hover data-testid="training-session" onClick={() => setRecording(s)} sx={{ cursor: 'pointer' }}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.heldOn}</TableCell>
                      <TableCell>
                        {s.course?.title}
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          {s.course ? `${label('GridLevel', s.course.level)} · ${label('TrainingTopic', s.course.topic)}` : null}
                        </Typography>
                      </TableCell>
                      <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{s.place}</TableCell>
                      {/* A unit above the caller's is not readable as a grid: its level stands in. */}
                      <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{s.unit?.name ?? (s.course ? label('GridLevel', s.course.level) : '')}</TableCell>
                      <TableCell align="right">{s.attendance.length}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          ) : (
            <Typography color="text.secondary">{translate('gw.empty')}</Typography>
          )}
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1, flexWrap: 'wrap', gap: 1 }}>
            <Typography variant="h6">{t('courses')}</Typography>
            {can('create', 'TrainingCourse') ? (
              <Button size="small" variant="outlined" data-testid="new-course" onClick={() => setForm({ kind: 'course', title: '', topic: 'LAW', audience: 'ALL' })}>
                {t('new_course')}
              </Button>
            ) : null}
          </Stack>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="training-courses">
              <TableHead>
                <TableRow>
                  <TableCell>{t('title')}</TableCell>
                  <TableCell>{t('level')}</TableCell>
                  <TableCell>{t('topic')}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{t('audience')}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{t('unit')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {courses.map((c) => (
                  <TableRow key={c.id} data-testid="training-course">
                    <TableCell>{c.title}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{label('GridLevel', c.level)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{label('TrainingTopic', c.topic)}</TableCell>
                    <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{label('TrainingAudience', c.audience)}</TableCell>
                    <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{c.unit?.name ?? label('GridLevel', c.level)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </CardContent>
      </Card>

      <Dialog open={form !== null} onClose={() => setForm(null)} fullWidth maxWidth="sm">
        <DialogTitle>{form?.kind === 'course' ? t('new_course') : t('new_session')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {form?.kind === 'course' ? (
              <>
                <TextField label={t('title')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'course-title' } }} />
                <TextField select label={t('topic')} value={form.topic} onChange={(e) => setForm({ ...form, topic: e.target.value })}>
                  {enumChoices('TrainingTopic').map((c) => <MenuItem key={c.id} value={c.id}>{translate(c.name)}</MenuItem>)}
                </TextField>
                <TextField select label={t('audience')} value={form.audience} onChange={(e) => setForm({ ...form, audience: e.target.value })}>
                  {enumChoices('TrainingAudience').map((c) => <MenuItem key={c.id} value={c.id}>{translate(c.name)}</MenuItem>)}
                </TextField>
              </>
            ) : null}
            {form?.kind === 'session' ? (
              <>
                <TextField select label={t('course')} value={form.courseId} onChange={(e) => setForm({ ...form, courseId: e.target.value })} data-testid="session-course">
                  {/* A session hangs on a course of the caller's own unit. */}
                  {courses.filter((c) => c.unit?.id === identity?.unitId).map((c) => (
                    <MenuItem key={c.id} value={c.id}>{c.title}</MenuItem>
                  ))}
                </TextField>
                <TextField type="date" label={t('held_on')} value={form.heldOn} onChange={(e) => setForm({ ...form, heldOn: e.target.value })} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'session-day' } }} />
                <TextField label={t('place')} value={form.place} onChange={(e) => setForm({ ...form, place: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'session-place' } }} />
                <TextField type="number" label={t('hours')} value={form.hours} onChange={(e) => setForm({ ...form, hours: e.target.value })} />
              </>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setForm(null)}>{t('cancel')}</Button>
          <Button variant="contained" onClick={() => void save()} data-testid="training-save">{t('save')}</Button>
        </DialogActions>
      </Dialog>
      {recording ? <AttendanceDialog session={recording} onClose={() => setRecording(null)} onChanged={reload} /> : null}
    </Box>
  );
};
