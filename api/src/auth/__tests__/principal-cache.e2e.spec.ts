import { startApiProcess, type ApiProcess } from '../../test/api-process';
import { GraphQLClient, startTestApp, type TestApp } from '../../test/test-app';

const ME = `{ me { account { login } } }`;

/**
 * Two API processes on one database, as two replicas: each keeps the principals of the
 * sessions it has seen; a revocation made through one reaches the other within a second.
 */
describe('signed-in principals kept in memory by every process, forgotten everywhere on a change', () => {
  let app: TestApp;
  let other: ApiProcess;

  beforeAll(async () => {
    app = await startTestApp();
    other = await startApiProcess(app.databaseUrl);
  }, 90_000);
  afterAll(async () => {
    await other?.stop();
    await app?.close();
  });

  /** The same session, presented to the other process. */
  const there = (client: GraphQLClient): GraphQLClient => Object.assign(new GraphQLClient(other.url), { cookie: client.cookie });
  const login = async (client: GraphQLClient): Promise<string | null> => (await client.data<{ me: { account: { login: string } } | null }>(ME)).me?.account.login ?? null;

  /** Milliseconds until the other process no longer knows the session (fails after 5 s). */
  async function forgottenWithin(client: GraphQLClient): Promise<number> {
    const started = performance.now();
    while ((await login(client)) !== null) {
      if (performance.now() - started > 5_000) throw new Error('the other process still knows the session after 5 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return performance.now() - started;
  }

  it('the other process answers from memory: with the notification held back, a revoked session still works there until it is told', async () => {
    const feidong = await app.as('feidong');
    const remote = there(feidong);
    expect(await login(remote)).toBe('feidong');
    await app.ownerSql(`alter table session disable trigger session_principal_changed`);
    try {
      await app.ownerSql(`update session set revoked_at = now() where revoked_at is null and account_id = (select id from account where login = 'feidong')`);
    } finally {
      await app.ownerSql(`alter table session enable trigger session_principal_changed`);
    }
    // The database says no; the other process, not told, still knows the session.
    expect(await login(feidong)).toBeNull();
    expect(await login(remote)).toBe('feidong');
    await app.ownerSql(`select pg_notify('gw_principal', 'account:' || id) from account where login = 'feidong'`);
    expect(await forgottenWithin(remote)).toBeLessThan(1_000);
  });

  it('signing out through one process ends the session in the other within a second', async () => {
    const yaohai = await app.as('yaohai');
    const remote = there(yaohai);
    expect(await login(remote)).toBe('yaohai');
    expect(await login(remote)).toBe('yaohai');
    await yaohai.data(`mutation { signOut }`);
    expect(await forgottenWithin(remote)).toBeLessThan(1_000);
  });

  it('a password change ends the account\'s other sessions in the other process within a second', async () => {
    const first = await app.as('township');
    const second = await app.as('township');
    const remote = there(second);
    expect(await login(remote)).toBe('township');
    await first.data(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`, { input: { currentPassword: 'gridwatch', newPassword: 'Changlinhe-2026' } });
    expect(await forgottenWithin(remote)).toBeLessThan(1_000);
    expect(await login(there(first))).toBe('township');
  });

  it('a role change or a deactivation by the administrator ends the account\'s sessions in the other process within a second', async () => {
    const feidong = await app.as('feidong');
    const officer = await app.as('officer');
    const remote = there(officer);
    expect(await login(remote)).toBe('officer');
    const { accounts } = await feidong.data<{ accounts: { nodes: { id: string; login: string }[] } }>(`{ accounts(first: 100) { nodes { id login } } }`);
    const id = accounts.nodes.find((a) => a.login === 'officer')!.id;
    await feidong.data(`mutation($id: ID!) { updateAccount(id: $id, input: { role: PLATFORM_OPERATOR }) { role } }`, { id });
    expect(await forgottenWithin(remote)).toBeLessThan(1_000);

    const again = there(await app.as('officer'));
    expect(await login(again)).toBe('officer');
    await feidong.data(`mutation($id: ID!) { deactivateAccount(id: $id) { active } }`, { id });
    expect(await forgottenWithin(again)).toBeLessThan(1_000);
  });

  it('revoking an API key through one process stops it in the other within a second', async () => {
    const feidong = await app.as('feidong');
    const { me } = await feidong.data<{ me: { unit: { id: string } } }>(`{ me { unit { id } } }`);
    const { createApiKey } = await feidong.data<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }`,
      { input: { name: '第三方系统', scopes: ['READ_GRIDS'], unitId: me.unit.id } },
    );
    const grids = async () => {
      const response = await fetch(`${other.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${createApiKey.key}` },
        body: JSON.stringify({ query: '{ grids(first: 1) { nodes { id } } }' }),
      });
      return ((await response.json()) as { data?: { grids: { nodes: unknown[] } } }).data?.grids.nodes.length ?? 0;
    };
    expect(await grids()).toBe(1);
    expect(await grids()).toBe(1);
    await feidong.data(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: createApiKey.apiKey.id });
    const started = performance.now();
    while ((await grids()) !== 0) {
      if (performance.now() - started > 5_000) throw new Error('the other process still accepts the key after 5 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
