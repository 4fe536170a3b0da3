import { gql } from '@apollo/client';
import { Box, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';
import { PromptDialog } from '../../common/PromptDialog';
import { SimpleTable } from '../../common/SimpleTable';
import { useRun } from '../../common/useRun';
import type { Audit, AuditRecommendation } from './types';

const RESPOND = gql`mutation Respond($id: ID!, $response: String!) { respondToAuditRecommendation(id: $id, response: $response) { id status } }`;
const CLOSE = gql`mutation CloseRec($id: ID!, $note: String!) { closeAuditRecommendation(id: $id, note: $note) { id status } }`;

type Step = { kind: 'respond' | 'close'; rec: AuditRecommendation };

/**
 * 整改: the audited unit's administration responds; the auditor closes (销号) a responded
 * recommendation; the last closure closes the audit.
 */
export const AuditRecommendations = ({ auditor, audited }: { auditor: boolean; audited: boolean }) => {
  const audit = useRecordContext<Audit>();
  const translate = useTranslate();
  const run = useRun();
  const [step, setStep] = useState<Step | null>(null);
  if (!audit || audit.status === 'SAMPLED') return null;
  const submit = (text: string) => {
    if (!step) return Promise.resolve(false);
    return step.kind === 'respond'
      ? run(() => apolloClient.mutate({ mutation: RESPOND, variables: { id: step.rec.id, response: text } }), 'gw.audit.responded')
      : run(() => apolloClient.mutate({ mutation: CLOSE, variables: { id: step.rec.id, note: text } }), 'gw.audit.closed');
  };
  return (
    <Box>
      <Typography variant="subtitle1">{translate('gw.audit.recommendations')}</Typography>
      <SimpleTable
        rowTestId="audit-recommendation"
        columns={[
          { label: translate('gw.audit.recommendation') },
          { label: translate('resources.auditRecommendations.fields.dueOn') },
          { label: translate('resources.auditRecommendations.fields.status') },
          { label: translate('resources.auditRecommendations.fields.response') },
          { label: translate('resources.auditRecommendations.fields.closingNote') },
          { label: '' },
        ]}
        rows={(audit.recommendations ?? []).map((r) => ({
          key: r.id,
          cells: [
            r.text,
            r.dueOn,
            <span key="s" data-testid="audit-recommendation-status">
              {translate(`gw.enum.RecommendationStatus.${r.status}`)} {r.overdue ? <Chip size="small" color="error" label={translate('gw.task.overdue')} /> : null}
            </span>,
            r.response ?? '—',
            r.closingNote ?? '—',
            <>
              {audited && r.status !== 'CLOSED' ? <Button label="gw.audit.respond" onClick={() => setStep({ kind: 'respond', rec: r })} data-testid="audit-respond" /> : null}
              {auditor && r.status === 'RESPONDED' ? <Button label="gw.audit.close" onClick={() => setStep({ kind: 'close', rec: r })} data-testid="audit-close" /> : null}
            </>,
          ],
        }))}
      />
      {step ? (
        <PromptDialog
          title={step.kind === 'respond' ? 'gw.audit.respond' : 'gw.audit.close'}
          label={step.kind === 'respond' ? 'resources.auditRecommendations.fields.response' : 'resources.auditRecommendations.fields.closingNote'}
          onSubmit={submit}
          onClose={() => setStep(null)}
          testId={step.kind === 'respond' ? 'audit-respond' : 'audit-close'}
        />
      ) : null}
    </Box>
  );
};
