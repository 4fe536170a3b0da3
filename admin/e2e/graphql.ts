import { baseUrl } from './browser';

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A socket the server closed while idle, found closed when reused: the request never reached it. */
const staleSocket = (error: unknown): boolean => {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return error instanceof TypeError && (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET');
};

async function post(body: string, cookie: string, retried = false): Promise<Response> {
  try {
    return await fetch(`${baseUrl()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body });
  } catch (error) {
    if (retried || !staleSocket(error)) throw error;
    return post(body, cookie, true);
  }
}

/** A tiny API client for test set-up: signs in, keeps the session cookie, runs queries. */
export async function apiAs(login: string, password = 'gridwatch') {
  let cookie = '';
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await post(JSON.stringify({ query, variables }), cookie);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const body = (await response.json()) as GraphQLResponse<T>;
    if (body.errors?.length) throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
    return body.data as T;
  };
  await call('mutation SignIn($login: String!, $password: String!) { signIn(login: $login, password: $password) { role } }', { login, password });
  return call;
}
