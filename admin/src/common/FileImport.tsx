import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Card, CardContent, Button as MuiButton, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { SimpleTable } from './SimpleTable';
import { httpErrorOfCode } from '../data/errors';

export interface RowError {
  line: number;
  column: string | null;
  code: string;
  /** A finer stable key where the import gives one (the grid import's reasons). */
  reason?: string;
  message: string;
  /** The codes or cell values the error is about (the grid import's), shown beside a translated explanation. */
  values?: string[];
}
export interface ImportResult {
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}

/** POST an import: 200 with the counts, 422 with the row errors (nothing written), else `{ error: { code } }`. */
async function upload(path: string, file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(`${path}${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', body: form, credentials: 'same-origin' });
  const body = (await response.json().catch(() => ({}))) as Partial<ImportResult> & { error?: { code?: string } };
  if (response.status === 200 || response.status === 422) return body as ImportResult;
  throw httpErrorOfCode(body.error?.code ?? (response.status === 413 ? 'PAYLOAD_TOO_LARGE' : undefined));
}

export interface FileImportProps {
  /** The API's import route, e.g. `/import/sources`. */
  path: string;
  title: string;
  hint: string;
  testId: string;
  dryRunLabel?: string;
  runLabel?: string;
  /** Translation key of a row error's kind: by default the generic error code. */
  errorLabel?: (error: RowError) => string;
  /** Translation key of what to do about a row error, in the user's language (default: the server's sentence). */
  explanation?: (error: RowError) => string;
}

/**
 * An import screen (污染源导入, 网格划分导入): the file is checked first (dry run: every row
 * validated as the user, nothing written) and the per-row report shown; only a file that
 * passed can then be imported for real.
 */
export const FileImport = ({ path, title, hint, testId, dryRunLabel = 'gw.import.dry_run', runLabel = 'gw.import.run', errorLabel, explanation }: FileImportProps) => {
  const translate = useTranslate();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await upload(path, file, dryRun));
    } catch (e) {
      setResult(null);
      setError(e instanceof Error ? e.message : 'gw.errors.NETWORK_ERROR');
    } finally {
      setBusy(false);
    }
  };
  const checked = result?.dryRun === true && result.errors.length === 0;
  const explain = (e: RowError): string => {
    if (!explanation) return e.message;
    const values = e.values ?? [];
    return translate(explanation(e), { _: e.message }) + (values.length ? ` (${values.join(', ')})` : '');
  };
  const label = (e: RowError): string => (errorLabel ? translate(errorLabel(e), { _: translate(`gw.import.codes.${e.code}`, { _: e.code }) }) : translate(`gw.import.codes.${e.code}`, { _: e.code }));
  return (
    <Card sx={{ mt: 2 }} data-testid={testId}>
      <Title title={title} />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography color="text.secondary">{translate(hint)}</Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />}>
            {translate('gw.import.choose')}
            <input
              hidden
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setResult(null);
                setError(null);
              }}
            />
          </MuiButton>
          <Typography data-testid="import-file-name" sx={{ overflowWrap: 'anywhere' }}>
            {file?.name ?? translate('gw.import.no_file')}
          </Typography>
          {/* MUI's buttons: react-admin's turn into bare icon buttons at phone width, and these have no icon. */}
          <MuiButton variant="contained" disabled={!file || busy} onClick={() => void send(true)} data-testid="import-dry-run">
            {translate(dryRunLabel)}
          </MuiButton>
          <MuiButton variant="contained" color="warning" disabled={!checked || busy} onClick={() => void send(false)} data-testid="import-run">
            {translate(runLabel)}
          </MuiButton>
        </Box>
        {error ? <Alert severity="error">{translate(error)}</Alert> : null}
        {result && result.errors.length === 0 ? (
          <Alert severity="success" data-testid="import-counts">
            {translate(result.dryRun ? 'gw.import.checked' : 'gw.import.done', { rows: result.rows, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged })}
          </Alert>
        ) : null}
        {result && result.errors.length > 0 ? (
          <>
            <Alert severity="error" data-testid="import-error-summary">
              {translate('gw.import.rejected', { rows: result.rows, errors: result.errors.length })}
            </Alert>
            {/* A phone scrolls the table, not the page. */}
            <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
              <SimpleTable
                rowTestId="import-error"
                columns={[{ label: translate('gw.import.line'), align: 'right' }, { label: translate('gw.import.column') }, { label: translate('gw.import.code') }, { label: translate('gw.import.message') }]}
                rows={result.errors.map((e, i) => ({ key: `${e.line}-${i}`, cells: [e.line, e.column ?? '—', label(e), explain(e)] }))}
              />
            </Box>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
};
