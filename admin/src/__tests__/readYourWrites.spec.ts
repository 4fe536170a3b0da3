import { ApolloLink, execute, gql, Observable, type FetchResult } from '@apollo/client';
import { laterLsn, LSN_HEADER, readYourWritesLink } from '../readYourWrites';

/** A stand-in for HttpLink: records the headers sent and answers with the given response header. */
function server(answers: (string | null)[], sent: (string | undefined)[]): ApolloLink {
  return new ApolloLink((operation) => {
    sent.push((operation.getContext().headers as Record<string, string> | undefined)?.[LSN_HEADER]);
    const lsn = answers.shift() ?? null;
    operation.setContext({ response: { headers: new Headers(lsn ? { [LSN_HEADER]: lsn } : {}) } });
    return Observable.of<FetchResult>({ data: { ok: true } });
  });
}

const run = (link: ApolloLink) =>
  new Promise<void>((resolve, reject) => execute(link, { query: gql`{ ok }` }).subscribe({ complete: resolve, error: reject }));

describe('read your writes behind a replica', () => {
  test('sends back the latest commit position a response carried, from the next operation on', async () => {
    const sent: (string | undefined)[] = [];
    const link = ApolloLink.from([readYourWritesLink(), server([null, '0/3000A28', null, '0/2FFFFFF', null, '1/10'], sent)]);
    for (let i = 0; i < 7; i += 1) await run(link);
    // An older position answered later (a response that overtook another) never replaces a newer one.
    expect(sent).toEqual([undefined, undefined, '0/3000A28', '0/3000A28', '0/3000A28', '0/3000A28', '1/10']);
  });

  test('compares positions as numbers, not text', () => {
    expect(laterLsn('0/FFFFFFFF', '1/0')).toBe('1/0');
    expect(laterLsn('0/A', '0/9')).toBe('0/A');
    expect(laterLsn(null, 'nonsense')).toBeNull();
  });
});
