import { DEFERRED, pooledConnection } from '../pooled-connection';

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
  it('sends every statement as asked, values bound and nothing glued: BEGIN and a deferred binding go just before the first statement', async () => {
    const { client, sent } = fakeClient();
    const digest = 'ab'.repeat(32);
    expect((await ask(client, 'BEGIN;')).command).toBe('BEGIN');
    expect((await ask(client, `${DEFERRED} select gw_bind_unit($1, $2, $3::int[])`, ['COUNTY', 7, '{1,7}'])).rows).toEqual([]);
    expect(sent).toEqual([]);
    expect((await ask(client, 'select * from gw_session_lookup($1)', [digest])).rows).toEqual([{ text: 'select * from gw_session_lookup($1)' }]);
    await ask(client, 'COMMIT;');
    expect(sent).toEqual([
      { text: 'BEGIN;', values: [] },
      { text: `${DEFERRED} select gw_bind_unit($1, $2, $3::int[])`, values: ['COUNTY', 7, '{1,7}'] },
      { text: 'select * from gw_session_lookup($1)', values: [digest] },
      { text: 'COMMIT;', values: [] },
    ]);
  });

  it('sends nothing for a transaction that ran nothing', async () => {
    const { client, sent } = fakeClient();
    await ask(client, 'BEGIN;');
    await ask(client, `${DEFERRED} select gw_bind_unit($1, $2, $3::int[])`, ['CITY', 1, '{}']);
    await ask(client, 'COMMIT;');
    await ask(client, 'select 1');
    expect(sent.map((s) => s.text)).toEqual(['select 1']);
  });

  it('a held statement that fails fails the statement it went ahead of', async () => {
    const { client } = fakeClient(/gw_bind_unit/);
    await ask(client, 'BEGIN;');
    await ask(client, `${DEFERRED} select gw_bind_unit($1, $2, $3::int[])`, ['CITY', 1, '{}']);
    await expect(ask(client, 'select 2')).rejects.toThrow('boom');
  });

  it('runs statements asked for at once one after another, in order, and an error fails only its own', async () => {
    const { client, sent, maxInFlight } = fakeClient(/fails/);
    const answers = await Promise.allSettled([ask(client, 'select 1'), ask(client, 'select fails'), ask(client, 'select 3', [3])]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(sent.map((s) => s.text)).toEqual(['select 1', 'select fails', 'select 3']);
    expect(maxInFlight()).toBe(1);
  });
});
