import { Box, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { roleKey } from '../../common/enums';
import { formatShanghai } from '../../common/fields';

interface CaseEvent {
  id: string;
  action: string;
  actorRole: string | null;
  at: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  /** Who did it (经办人); null for the system's own steps. */
  actor?: { name: string; unit: string; department: string | null } | null;
  /** A partner department's step (联合执法) names its department, person and result; 答复 its method. */
  details?: { departmentName?: string; actorName?: string; result?: string; method?: string } | null;
}

/** The case's life, oldest first, as the API records it (one line per transition). */
export const CaseTimeline = () => {
  const record = useRecordContext<{ id: string; events?: { nodes: CaseEvent[] } }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const events = record?.events?.nodes ?? [];
  if (!events.length) return <Typography color="text.secondary">{translate('gw.case.timeline_empty')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="case-timeline">
      {events.map((e) => (
        <Box component="li" key={e.id} sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 2, pb: 2, position: 'relative' }}>
          <Typography variant="body2" color="text.secondary">
            {formatShanghai(e.at, locale)}
          </Typography>
          <Typography variant="body1" data-testid="timeline-action">
            {translate(`gw.enum.CaseAction.${e.action}`)} ·{' '}
            {translate('gw.case.from_to', {
              from: e.fromStatus ? translate(`gw.enum.CaseStatus.${e.fromStatus}`) : '—',
              to: translate(`gw.enum.CaseStatus.${e.toStatus}`),
            })}
          </Typography>
          {e.actor ? (
            <Typography variant="body2" data-testid="timeline-actor">
              {translate('gw.case.actor')}: {[e.actor.name, e.actor.department ?? e.actor.unit, e.actorRole ? translate(roleKey(e.actorRole)) : null].filter(Boolean).join(' · ')}
            </Typography>
          ) : e.actorRole ? (
            <Typography variant="body2">
              {translate('gw.case.by')}: {translate(roleKey(e.actorRole))}
            </Typography>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('gw.case.by_system')}
            </Typography>
          )}
          {e.details?.departmentName ? (
            <Typography variant="body2" data-testid="timeline-department">
              {translate('gw.assignment.department')}: {e.details.departmentName}
              {e.details.actorName ? ` · ${e.details.actorName}` : ''}
            </Typography>
          ) : null}
          {e.details?.result && e.details.departmentName ? <Typography variant="body2">{e.details.result}</Typography> : null}
          {e.action === 'ANSWER' && e.details?.method ? (
            <Typography variant="body2">
              {translate('resources.cases.fields.answerMethod')}: {translate(`gw.enum.AnswerMethod.${e.details.method}`)}
            </Typography>
          ) : null}
          {e.note ? (
            <Typography variant="body2" data-testid={e.action === 'ANSWER' ? 'timeline-answer' : undefined}>
              {e.note}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
};
