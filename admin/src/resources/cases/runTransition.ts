import { gql } from '@apollo/client';
import { apolloClient } from '../../apollo';
import { httpErrorOfCode, toHttpError } from '../../data/errors';
import type { CaseTransition } from './transitions';

export type TransitionValues = Record<string, unknown>;

/**
 * Sends one workflow step with the version the user saw (CONFLICT when someone moved the case
 * meanwhile). Errors come back as react-admin HttpErrors whose message is a gw.errors key.
 */
export async function runTransition(transition: CaseTransition, caseId: string, version: number, values: TransitionValues): Promise<void> {
  const mutation = gql(`mutation Step($input: ${transition.inputType}!) { ${transition.mutation}(input: $input) { ${transition.returns ?? 'id status version'} } }`);
  try {
    await apolloClient.mutate({ mutation, variables: { input: { ...values, id: caseId, version } } });
  } catch (error) {
    throw toHttpError(error);
  }
}

/** A photo of a step (the handler's result, the verifier's after photo), uploaded as evidence before the step. */
export async function uploadEvidence(caseId: string, stage: 'REPORT' | 'FEEDBACK' | 'VERIFY', file: Blob, name: string): Promise<void> {
  const form = new FormData();
  form.append('file', file, name);
  const response = await fetch(`/cases/${encodeURIComponent(caseId)}/evidence?stage=${stage}`, { method: 'POST', body: form, credentials: 'same-origin' });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
  throw httpErrorOfCode(body.error?.code);
}

const BY_NUMBER = gql(`query CaseByNumber($number: String!) { cases(first: 1, filter: { number: $number }) { nodes { id number } } }`);

/** The master case of a duplicate, by the number the user typed (NOT_FOUND when none matches). */
export async function caseIdByNumber(number: string): Promise<string> {
  const { data } = await apolloClient.query<{ cases: { nodes: { id: string; number: string }[] } }>({ query: BY_NUMBER, variables: { number: number.trim() } });
  const hit = data.cases.nodes.find((c) => c.number === number.trim());
  if (!hit) throw httpErrorOfCode('NOT_FOUND');
  return hit.id;
}
