import { gql } from '@apollo/client';
import { Alert, Box, Button, Card, CardContent, List, ListItem, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';

const IMPORT = gql`
  mutation ImportGridBoundaries($collection: JSONObject!) {
    importGridBoundaries(collection: $collection) { id code }
  }
`;

interface Problem {
  index: number;
  code: string | null;
  reason: string;
}

type Outcome = { kind: 'done'; count: number } | { kind: 'rejected'; problems: Problem[] } | { kind: 'unreadable' };

function problemsOf(error: unknown): Problem[] | null {
  const errors = (error as { graphQLErrors?: { extensions?: { code?: string; features?: Problem[] } }[] }).graphQLErrors ?? [];
  const bad = errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  return bad ? (bad.extensions?.features ?? []) : null;
}

/**
 * 边界导入: a GeoJSON FeatureCollection whose features name their grid by code. The server
 * checks every feature and writes nothing if one is wrong; the reasons are listed by feature.
 */
export const BoundaryImport = () => {
  const translate = useTranslate();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      let collection: unknown;
      try {
        collection = JSON.parse(await file.text());
      } catch {
        setOutcome({ kind: 'unreadable' });
        return;
      }
      const { data } = await apolloClient.mutate<{ importGridBoundaries: { id: string }[] }>({ mutation: IMPORT, variables: { collection } });
      setOutcome({ kind: 'done', count: data?.importGridBoundaries.length ?? 0 });
    } catch (error) {
      const problems = problemsOf(error);
      setOutcome(problems ? { kind: 'rejected', problems } : { kind: 'unreadable' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }} data-testid="boundary-import">
      <CardContent>
        <Typography variant="h6">{translate('gw.boundary_import.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('gw.boundary_import.hint')}
        </Typography>
        <Button variant="outlined" component="label" disabled={busy}>
          {translate('gw.boundary_import.choose')}
          <input
            hidden
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            data-testid="boundary-import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </Button>
        <Box sx={{ mt: 1 }} data-testid="boundary-import-outcome">
          {outcome?.kind === 'done' ? <Alert severity="success">{translate('gw.boundary_import.done', { count: outcome.count })}</Alert> : null}
          {outcome?.kind === 'unreadable' ? <Alert severity="error">{translate('gw.boundary_import.unreadable')}</Alert> : null}
          {outcome?.kind === 'rejected' ? (
            <Alert severity="error">
              {translate('gw.boundary_import.rejected', { errors: outcome.problems.length })}
              <List dense>
                {outcome.problems.map((p) => (
                  <ListItem key={p.index} disableGutters>
                    {translate('gw.boundary_import.feature', { n: p.index + 1, code: p.code ?? '—' })}: {translate(`gw.boundary_import.reasons.${p.reason}`)}
                  </ListItem>
                ))}
              </List>
            </Alert>
          ) : null}
        </Box>
      </CardContent>
    </Card>
  );
};
