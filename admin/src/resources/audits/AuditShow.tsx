import { FactsLayout } from '../../common/FactsLayout';
import { gql } from '@apollo/client';
import { Box, Chip } from '@mui/material';
import { useState } from 'react';
import { Button, NumberField, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';
import { can, currentMe } from '../../auth/authProvider';
import { EnumField, ShanghaiDateField } from '../../common/fields';
import { useLoadError } from '../../common/useLoadError';
import { AuditRecommendations } from './AuditRecommendations';
import { AuditSamples } from './AuditSamples';
import { IssueFindings } from './IssueFindings';
import type { Audit } from './types';

const REPLAY = gql`query ReplayAudit($id: ID!) { replayAuditDraw(auditId: $id) { matches snapshotMatches } }`;

/** Re-runs the draw from the recorded seed and population snapshot: anyone who reads the audit can check it. */
const Replay = () => {
  const audit = useRecordContext<Audit>();
  const translate = useTranslate();
  const [result, setResult] = useState<{ matches: boolean; snapshotMatches: boolean } | null>(null);
  if (!audit) return null;
  const replay = async () => {
    const { data } = await apolloClient.query<{ replayAuditDraw: { matches: boolean; snapshotMatches: boolean } }>({ query: REPLAY, variables: { id: audit.id }, fetchPolicy: 'network-only' });
    setResult(data.replayAuditDraw);
  };
  const ok = result?.matches && result.snapshotMatches;
  return (
    <>
      <Button label="gw.spotCheck.replay" onClick={() => void replay()} data-testid="audit-replay" />
      {result ? <Chip color={ok ? 'success' : 'error'} label={translate(ok ? 'gw.spotCheck.replay_ok' : 'gw.spotCheck.replay_bad')} data-testid="audit-replay-result" /> : null}
    </>
  );
};

/**
 * Who acts is the rules' condition on the unit: the auditor's unit scores, issues and closes;
 * the audited unit's administration responds (`update AuditRecommendation` on `response`).
 */
const Work = () => {
  const audit = useRecordContext<Audit>();
  const unitId = currentMe()?.unit.id;
  if (!audit) return null;
  const auditor = can('update', 'Audit') && audit.auditorUnit?.id === unitId;
  const audited = can('update', 'AuditRecommendation', 'response') && audit.auditedUnit?.id === unitId;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Replay />
        {auditor ? <IssueFindings /> : null}
      </Box>
      <AuditSamples auditor={auditor} />
      <AuditRecommendations auditor={auditor} audited={audited} />
    </Box>
  );
};

export const AuditShow = () => (
  <Show queryOptions={useLoadError()} actions={<TopToolbar />}>
    <FactsLayout wide={['snapshotDigest']}>
      <TextField source="title" />
      <TextField source="auditedUnit.name" label="resources.audits.fields.auditedUnit" />
      <TextField source="auditorUnit.name" label="resources.audits.fields.auditorUnit" />
      <ShanghaiDateField source="periodFrom" />
      <ShanghaiDateField source="periodTo" />
      <EnumField source="status" enumName="AuditStatus" />
      <EnumField source="finding" enumName="AuditFinding" emptyText="—" />
      <NumberField source="averageScore" emptyText="—" options={{ maximumFractionDigits: 1 }} />
      <TextField source="summary" emptyText="—" />
      <NumberField source="seed" options={{ useGrouping: false }} />
      <TextField source="snapshotDigest" />
      <Work />
    </FactsLayout>
  </Show>
);
