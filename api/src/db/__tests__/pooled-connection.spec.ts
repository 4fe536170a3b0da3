import { pooledConnection } from '../pooled-connection';

type Callback = (error: Error | null, result?: unknown) => void;

/** A pg client stand-in: records what was sent and how many statements were in flight at once. */
function fakeClient(fail: RegExp | null = null) {
  const sent: { text: string; values?: unknown[] }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client = {
    query: (...args: unknown[]) => {
      const [config, callback] = args as [{ text: string; values?: unknown[] }, Callback];
      sent.push(config);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        if (fail?.test(config.text)) callback(new Error('boom'));
        else callback(null, { command: 'SELECT', rows: [{ text: config.text }], rowCount: 1, fields: [] });
      }, 2);
    },
  };
  return { client: pooledConnection(client), sent, maxInFlight: () => maxInFlight };
}

const ask = (client: { query: (...args: unknown[]) => unknown }, text: string, values: unknown[] = []) =>
  new Promise<{ command: string; rows: unknown[] }>((resolve, reject) =>
    client.query({ text, values }, (error: Error | null, result: { command: string; rows: unknown[] }) => (error ? reject(error) : resolve(result))),
  );

describe('pooled connection', () => {
  it('sends every statement as asked: BEGIN on its own, values bound, nothing glued or held back', async () => {
    const { client, sent } = fakeClient();
    expect((await ask(client, 'BEGIN;')).rows).toEqual([{ text: 'BEGIN;' }]);
    await ask(client, 'select * from gw_session_lookup($1)', ['ab'.repeat(32)]);
    await ask(client, `select 'x'`);
    await ask(client, 'COMMIT;');
    expect(sent).toEqual([
      { text: 'BEGIN;', values: [] },
      { text: 'select * from gw_session_lookup($1)', values: ['ab'.repeat(32)] },
      { text: `select 'x'`, values: [] },
      { text: 'COMMIT;', values: [] },
    ]);
  });

  it('runs statements asked for at once one after another, in order, and an error fails only its own', async () => {
    const { client, sent, maxInFlight } = fakeClient(/fails/);
    const answers = await Promise.allSettled([ask(client, 'select 1'), ask(client, 'select fails'), ask(client, 'select 3', [3])]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(sent.map((s) => s.text)).toEqual(['select 1', 'select fails', 'select 3']);
    expect(maxInFlight()).toBe(1);
  });
});
