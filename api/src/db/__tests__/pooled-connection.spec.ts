import { pooledConnection } from '../pooled-connection';

type Callback = (error: Error | null, result?: unknown) => void;

/** A pg client stand-in: records what was sent and how many statements were in flight at once. */
function fakeClient(fail: RegExp | null = null) {
  const sent: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client = {
    query: (...args: unknown[]) => {
      const [config, callback] = args as [{ text: string }, Callback];
      sent.push(config.text);
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
  it('sends BEGIN with the first statement when it has no parameters', async () => {
    const { client, sent } = fakeClient();
    expect((await ask(client, 'BEGIN;')).command).toBe('BEGIN');
    expect((await ask(client, `select 'x'`)).rows).toEqual([{ text: `BEGIN; select 'x'` }]);
    await ask(client, 'select $1', [1]);
    await ask(client, 'COMMIT;');
    expect(sent).toEqual([`BEGIN; select 'x'`, 'select $1', 'COMMIT;']);
  });

  it('sends BEGIN on its own before a statement with parameters', async () => {
    const { client, sent } = fakeClient();
    await ask(client, 'BEGIN;');
    await ask(client, 'select $1', [1]);
    await ask(client, 'ROLLBACK');
    expect(sent).toEqual(['BEGIN;', 'select $1', 'ROLLBACK']);
  });

  it('sends nothing for a transaction that ran nothing', async () => {
    const { client, sent } = fakeClient();
    await ask(client, 'BEGIN;');
    await ask(client, 'COMMIT;');
    await ask(client, 'select 1');
    expect(sent).toEqual(['select 1']);
  });

  it('runs statements asked for at once one after another, in order, and an error fails only its own', async () => {
    const { client, sent, maxInFlight } = fakeClient(/fails/);
    const answers = await Promise.allSettled([ask(client, 'select 1'), ask(client, 'select fails'), ask(client, 'select 3', [3])]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(sent).toEqual(['select 1', 'select fails', 'select 3']);
    expect(maxInFlight()).toBe(1);
  });
});
