import { ApolloError, gql } from '@apollo/client';
import { apolloClient } from '../apollo';
import { toHttpError, type ErrorCode } from '../data/errors';
import { now } from '../common/clock';
import { outbox } from './outbox';
import { forgetFieldData } from './snapshot';
import type { CheckInItem, OutboxItem, QueuedPhoto, ReportItem } from './store';

const REPORT = gql`mutation FieldReport($input: ReportCaseInput!) { reportCase(input: $input) { id number } }`;
const CHECK_IN = gql`mutation FieldCheckIn($input: CheckInInput!) { checkIn(input: $input) { id at } }`;

/** Worth another try later (no network, signed out meanwhile, server busy) or refused for good. */
class SendError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly retry: boolean,
  ) {
    super(code);
  }
}

const RETRY: ReadonlySet<ErrorCode> = new Set(['NETWORK_ERROR', 'UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR']);

function sendErrorOf(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof ApolloError && error.networkError && 'statusCode' in error.networkError) {
    const status = Number(error.networkError.statusCode);
    if (status >= 400 && status < 500 && !error.graphQLErrors.length) return new SendError('BAD_REQUEST', false);
  }
  // fetch() rejects with a TypeError when there is no network at all.
  const code = error instanceof TypeError ? 'NETWORK_ERROR' : (toHttpError(error).body as { code: ErrorCode }).code;
  return new SendError(code, RETRY.has(code));
}

async function mutate<T>(mutation: typeof REPORT, input: Record<string, unknown>): Promise<T> {
  const { data } = await apolloClient.mutate<T>({ mutation, variables: { input } });
  if (!data) throw new SendError('INTERNAL_SERVER_ERROR', true);
  return data;
}

/** Uploads one photo; the server answers a resend of the same bytes with the file it already has. */
async function upload(url: string, photo: QueuedPhoto): Promise<void> {
  const form = new FormData();
  form.append('file', photo.blob, photo.name);
  const response = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin' });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: ErrorCode } };
  const code = body.error?.code ?? (response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
  throw new SendError(code, RETRY.has(code));
}

/** Each step is saved as it succeeds, so a retry resumes where the last attempt stopped. */
async function sendPhotos(item: OutboxItem, url: string): Promise<void> {
  for (const photo of item.photos) {
    if (photo.sent) continue;
    await upload(url, photo);
    photo.sent = true;
    await outbox.put(item);
  }
}

async function sendReport(item: ReportItem): Promise<void> {
  if (!item.result) {
    const data = await mutate<{ reportCase: { id: string; number: string } }>(REPORT, { ...item.input, idempotencyKey: item.id });
    item.result = { id: data.reportCase.id, label: data.reportCase.number };
    await outbox.put(item);
  }
  await sendPhotos(item, `/cases/${encodeURIComponent(item.result.id)}/evidence?stage=REPORT`);
}

async function sendCheckIn(item: CheckInItem): Promise<void> {
  if (!item.result) {
    const data = await mutate<{ checkIn: { id: string; at: string } }>(CHECK_IN, { ...item.input, idempotencyKey: item.id });
    item.result = { id: data.checkIn.id, label: data.checkIn.at };
    await outbox.put(item);
  }
  await sendPhotos(item, `/patrol-check-ins/${encodeURIComponent(item.result.id)}/photo`);
}

async function sendOne(item: OutboxItem): Promise<boolean> {
  item.status = 'sending';
  item.attempts += 1;
  await outbox.put(item);
  try {
    await (item.kind === 'report' ? sendReport(item) : sendCheckIn(item));
    Object.assign(item, { status: 'sent', lastError: null });
    await outbox.put(item);
    // The home's counts (open cases, patrols done) now differ on the server.
    forgetFieldData();
    return true;
  } catch (error) {
    const failure = sendErrorOf(error);
    Object.assign(item, { status: failure.retry ? 'waiting' : 'failed', lastError: failure.code });
    await outbox.put(item);
    // Without a network (or a session) the rest would fail the same way: stop here.
    return !failure.retry;
  }
}

/** True when an item had to stay waiting (no network, no session, a server error). */
async function flushUnlocked(accountId: string): Promise<boolean> {
  for (const item of await outbox.list(accountId)) {
    if (item.status !== 'waiting' && item.status !== 'sending') continue;
    if (!(await sendOne(item))) return true;
  }
  return false;
}

/** Sends what waits, oldest first; one sender at a time across the console's tabs. Answers whether something still waits. */
export async function flushOutbox(accountId: string): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('gridwatch-outbox', { ifAvailable: true }, async (lock) => (lock ? flushUnlocked(accountId) : false));
  }
  return flushUnlocked(accountId);
}

const RETRY_MS = 20_000;
/** A send that failed while the phone says it is online (a flaky link) is tried again soon. */
const SOON_MS = 3_000;
const KEEP_SENT_MS = 3 * 86_400_000;

/**
 * Started once an account is signed in: sends at once, whenever the network comes back, 3 s
 * after a failure while online, and every 20 s. Sent items stay listed for three days.
 */
export function startOutboxSender(accountId: string): () => void {
  let soon: ReturnType<typeof setTimeout> | undefined;
  const flush = () =>
    void flushOutbox(accountId).then(
      (waiting) => {
        if (waiting && navigator.onLine && !soon) soon = setTimeout(() => ((soon = undefined), flush()), SOON_MS);
      },
      () => undefined,
    );
  const timer = setInterval(flush, RETRY_MS);
  window.addEventListener('online', flush);
  void outbox.list(accountId).then(async (items) => {
    const old = items.filter((i) => i.status === 'sent' && now().getTime() - Date.parse(i.createdAt) > KEEP_SENT_MS);
    for (const item of old) await outbox.remove(item.id);
    flush();
  });
  return () => {
    clearInterval(timer);
    clearTimeout(soon);
    window.removeEventListener('online', flush);
  };
}
