import { baseUrl } from './browser';

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A tiny API client for test set-up: signs in, keeps the session cookie, runs queries. */
export async function apiAs(login: string, password = 'gridwatch') {
  let cookie = '';
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const body = (await response.json()) as GraphQLResponse<T>;
    if (body.errors?.length) throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
    return body.data as T;
  };
  await call('mutation SignIn($login: String!, $password: String!) { signIn(login: $login, password: $password) { role } }', { login, password });
  return call;
}
