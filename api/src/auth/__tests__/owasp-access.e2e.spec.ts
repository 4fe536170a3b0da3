import { isInputObjectType } from 'graphql';
import { buildAppSchema } from '../../server/schema';
import { startTestApp, type TestApp } from '../../test/test-app';
import { queryLimits } from '../../server/apollo';

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

describe('OWASP GraphQL access items', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('alias-batched guessing of ids finds nothing outside the territory, and large batches are refused', async () => {
    const feidong = await app.as('feidong');
    const rows = await app.ownerSql<{ id: number; own: boolean }>(
      `select c.id, c.county_id = (select id from grid where code = '340122000000') as own from "case" c order by c.id limit ${queryLimits.maxAliases}`,
    );
    const document = `{ ${rows.map((r) => `c${r.id}: case(id: "${gid('Case', r.id)}") { number }`).join(' ')} }`;
    const result = await feidong.request<Record<string, { number: string } | null>>(document);
    // Each alias answers on its own: own cases come back, every other one is NOT_FOUND.
    for (const row of rows) expect(result.data?.[`c${row.id}`] != null).toBe(row.own);
    const refused = (result.errors ?? []).map((e) => [e.path?.[0], e.extensions?.code]);
    expect(refused.sort()).toEqual(rows.filter((r) => !r.own).map((r) => [`c${r.id}`, 'NOT_FOUND']).sort());
    app.sql.reset();
    const tooMany = await feidong.request(`{ ${Array.from({ length: queryLimits.maxAliases + 1 }, (_, i) => `c${i}: case(id: "${gid('Case', i + 1)}") { number }`).join(' ')} }`);
    expect(tooMany.errors?.[0].message).toMatch(/alias/i);
    expect(app.sql.count).toBe(0);
  });

  it('no filter, order or input of the schema reads a field some role may not see', async () => {
    const schema = await buildAppSchema();
    const sensitive = /phone|complainant|password|secret|hash/i;
    const inputs = Object.values(schema.getTypeMap()).filter(isInputObjectType);
    const leaks = inputs
      .filter((type) => /Filter|Order/.test(type.name))
      .flatMap((type) => Object.keys(type.getFields()).filter((field) => sensitive.test(field)).map((field) => `${type.name}.${field}`));
    expect(leaks).toEqual([]);
    // Secrets are never readable: no output field exposes a hash.
    const outputs = Object.values(schema.getTypeMap()).flatMap((type) =>
      'getFields' in type && !isInputObjectType(type) && !['Query', 'Mutation'].includes(type.name)
        ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`)
        : [],
    );
    // Except the case-event chain's digests, public by design so a third party can verify the
    // chain (issue 18): SHA-256 of event content, not of any credential.
    const chainDigests = ['CaseEvent.hash', 'CaseEvent.previousHash', 'ChainCheckpoint.headHash', 'ArchivedEventRun.firstPreviousHash', 'ArchivedEventRun.lastHash'];
    // And a webhook's signing secret, answered once by the mutation that creates it (as CreatedApiKey.key),
    // never by a query: WebhookEndpoint has no such field and no tenant role may select the column (webhooks.e2e.spec.ts).
    const shownOnce = ['CreatedWebhookEndpoint.secret'];
    expect(outputs.filter((f) => /password|hash|secret/i.test(f) && !chainDigests.includes(f) && !shownOnce.includes(f))).toEqual([]);
  });

  it('forged ids (another type, garbage, out of range) are simply not found', async () => {
    const feidong = await app.as('feidong');
    const [{ id: gridId }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    for (const forged of [gid('Grid', gridId), gid('Case', 'abc'), gid('Case', -1), 'not base64 at all', gid('Case', 2 ** 40)]) {
      const result = await feidong.request(`query($id: ID!) { case(id: $id) { number } }`, { id: forged });
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });
});
