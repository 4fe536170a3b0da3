import { CommitOutcomeUnknown, infrastructureFailure } from '../infrastructure-errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('infrastructureFailure: what a lost database looks like to a client', () => {
  it.each([
    ['57P01 admin_shutdown', withCode('terminating connection due to administrator command', '57P01')],
    ['57P03 cannot_connect_now', withCode('the database system is starting up', '57P03')],
    ['08P01 (any of class 08)', withCode('protocol violation', '08P01')],
    ['ECONNRESET', withCode('read ECONNRESET', 'ECONNRESET')],
    ['pg: the server went away', new Error('Connection terminated unexpectedly')],
    ['pg-pool: no connection in time', new Error('timeout exceeded when trying to connect')],
    ['knex: no connection in time', new Error('Knex: Timeout acquiring a connection. The pool is probably full.')],
    ['knex: the next statement of a transaction whose connection failed', new Error('Transaction query already complete, run with DEBUG=knex:tx for more info')],
    ['wrapped by the ORM', new Error('update "case" set ...', { cause: withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED') })],
  ])('%s is DATABASE_UNAVAILABLE (503)', (_name, error) => {
    expect(infrastructureFailure(error)).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
  });

  it('a COMMIT whose connection was lost says the change may or may not be there (retry with the key)', () => {
    const failure = infrastructureFailure(new CommitOutcomeUnknown(new Error('Connection terminated unexpectedly')));
    expect(failure).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
    expect(failure?.message).toMatch(/may or may not have been saved.*same idempotency key/);
  });

  it('anything else is not an infrastructure failure', () => {
    expect(infrastructureFailure(withCode('duplicate key value violates unique constraint', '23505'))).toBeNull();
    expect(infrastructureFailure(new Error('Cannot read properties of undefined'))).toBeNull();
  });
});
