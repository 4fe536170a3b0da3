import { startTestApp, type TestApp } from '../../test/test-app';
import { queryLimits } from '../apollo';

/** A cheap but deep document: a chain of `parent` fields. */
function deepQuery(depth: number): string {
  let body = 'code';
  for (let i = 0; i < depth; i += 1) body = `parent { ${body} }`;
  return `{ gridByCode(code: "340100000000") { ${body} } }`;
}

describe('server hardening (development settings)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('rejects an over-deep query before any SQL runs', async () => {
    app.sql.reset();
    const result = await app.client().request(deepQuery(queryLimits.maxDepth));
    expect(result.errors?.[0].message).toMatch(/depth/i);
    expect(result.data ?? null).toBeNull();
    expect(app.sql.count).toBe(0);
  });

  it('rejects too many aliases, too many tokens, too much cost', async () => {
    const client = app.client();
    const aliases = `{ ${Array.from({ length: queryLimits.maxAliases + 1 }, (_, i) => `a${i}: me { role }`).join(' ')} }`;
    expect((await client.request(aliases)).errors?.[0].message).toMatch(/alias/i);
    const tokens = `{ ${Array.from({ length: queryLimits.maxTokens }, () => 'me { role }').join(' ')} }`;
    expect((await client.request(tokens)).errors?.[0].message).toMatch(/token/i);
    const cost = `{ ${Array.from({ length: 14 }, (_, i) => `g${i}: grids(first: 100) { nodes { children(first: 100) { nodes { sources(first: 100) { nodes { name } } } } } }`).join(' ')} }`;
    expect((await client.request(cost)).errors?.[0].message).toMatch(/cost/i);
  });

  it('prices pages by their size: three nested small pages pass, the same nesting at 100 is refused before any SQL', async () => {
    const client = await app.as('feidong');
    const nested = '{ grids(first: 20) { nodes { code sources(first: 10) { nodes { name cases(first: 5) { nodes { number } } } } } } }';
    const admitted = await client.request(nested);
    expect(admitted.errors).toBeUndefined();
    expect(admitted.data).toHaveProperty('grids.nodes');
    app.sql.reset();
    // A page size sent as a variable costs what it asks for.
    const huge = await client.request('query($n: Int) { grids(first: $n) { nodes { sources(first: 100) { nodes { cases(first: 100) { nodes { number } } } } } } }', { n: 100 });
    expect(huge.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(huge.errors?.[0].message).toMatch(/cost/i);
    expect(app.sql.count).toBe(0);
  });

  it('needs a session for data, and says so with UNAUTHENTICATED', async () => {
    const result = await app.client().request('{ grids(first: 1) { nodes { code } } }');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses batched arrays, cross-site GETs and oversized bodies', async () => {
    const batch = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { role } }' }, { query: '{ me { role } }' }]),
    });
    expect(batch.status).toBe(400);
    const csrf = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { role } }')}`);
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toMatch(/Cross-Site Request Forgery/);
    const big = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { role } } # ${'x'.repeat(200_000)}` }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('refuses the NUL character in any text with BAD_USER_INPUT, before any SQL, changing nothing', async () => {
    const feidong = await app.as('feidong');
    const grid = await feidong.data<{ grids: { nodes: { id: string }[] } }>('{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }');
    const [before] = await app.ownerSql<{ n: number }>('select count(*)::int as n from pollution_source');
    const search = 'query($q: String) { sources(first: 5, filter: { search: $q }) { nodes { name } } }';
    // Answered once, so that the compiled reads know the document and would answer it in front of Apollo.
    expect((await feidong.request(search, { q: 'a' })).errors).toBeUndefined();
    app.sql.reset();
    // In a literal of the document, and in a variable of a mutation (the API's and the compiled reads' paths alike).
    const literal = await feidong.request('{ sources(first: 5, filter: { search: "a\\u0000b" }) { nodes { name } } }');
    const create = await feidong.request('mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }', {
      input: { name: 'probe\u0000nul', gridId: grid.grids.nodes[0].id, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' },
    });
    const listed = await feidong.request(search, { q: 'a\u0000b' });
    const fields = [];
    for (const result of [literal, create, listed]) {
      expect(result.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['BAD_USER_INPUT', 'Text may not contain the NUL character (U+0000)']]);
      fields.push(result.errors?.[0].extensions?.field);
    }
    expect(fields).toEqual(['search', 'name', 'q']);
    expect(app.sql.count).toBe(0);
    const [after] = await app.ownerSql<{ n: number }>('select count(*)::int as n from pollution_source');
    expect(after.n).toBe(before.n);
  });

  it('refuses control characters and bidirectional overrides in text, and keeps tabs and line breaks', async () => {
    const feidong = await app.as('feidong');
    const grid = await feidong.data<{ grids: { nodes: { id: string }[] } }>('{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }');
    const create = (name: string, address: string) =>
      feidong.request('mutation($input: CreateSourceInput!) { createSource(input: $input) { name address } }', {
        input: { name, address, gridId: grid.grids.nodes[0].id, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' },
      });
    const messages = async (name: string, address: string) => (await create(name, address)).errors?.map((error) => [error.extensions?.code, error.message]);
    // "exe.txt" shown as "txt.exe": U+202E reverses what follows.
    expect(await messages('invoice\u202Etxt.exe', '')).toEqual([['BAD_USER_INPUT', expect.stringMatching(/bidirectional/)]]);
    expect(await messages('isolate\u2066x\u2069', '')).toEqual([['BAD_USER_INPUT', expect.stringMatching(/bidirectional/)]]);
    expect(await messages('bell', 'a\u0007b')).toEqual([['BAD_USER_INPUT', expect.stringMatching(/control characters/)]]);
    expect(await messages('escape', 'a\u001bb')).toEqual([['BAD_USER_INPUT', expect.stringMatching(/control characters/)]]);
    const kept = await create('制度\t测试源', '一行\n两行\r\n三行');
    expect(kept.errors).toBeUndefined();
    expect(kept.data).toEqual({ createSource: { name: '制度\t测试源', address: '一行\n两行\r\n三行' } });
  });

  it('trims names and refuses blank ones, naming the field, changing nothing', async () => {
    const feidong = await app.as('feidong');
    const grid = await feidong.data<{ grids: { nodes: { id: string }[] } }>('{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }');
    const gridId = grid.grids.nodes[0].id;
    const [before] = await app.ownerSql<{ n: number }>('select count(*)::int as n from pollution_source');
    const create = (name: string) =>
      feidong.request('mutation($input: CreateSourceInput!) { createSource(input: $input) { id name } }', { input: { name, gridId, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' } });
    for (const blank of ['', '   ', '\t\n', '\u3000']) {
      const refused = await create(blank);
      expect(refused.errors?.map((error) => [error.extensions?.code, error.extensions?.fields])).toEqual([['BAD_USER_INPUT', expect.arrayContaining([{ field: 'name', message: 'may not be blank' }])]]);
    }
    // The same rule for a literal in the document, and for another module's names.
    const literal = await feidong.request(`mutation { createSource(input: { name: "  ", gridId: "${gridId}", type: ENTERPRISE, supervisionLevel: GENERAL }) { id } }`);
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const [after] = await app.ownerSql<{ n: number }>('select count(*)::int as n from pollution_source');
    expect(after.n).toBe(before.n);
    const trimmed = await create('  　扬尘源 \n');
    expect(trimmed.data?.createSource).toMatchObject({ name: '扬尘源' });
  });

  it('refuses a list size out of range on every list that takes first, never clamping it', async () => {
    const feidong = await app.as('feidong');
    const lists = [
      ['{ gridSuggestions(location: { lng: 117.47, lat: 31.88 }, first: FIRST) { grid { code } } }', 10],
      ['{ caseEvents(first: FIRST) { endCursor } }', 500],
      ['{ coverage(first: FIRST) { behindCount } }', 100],
      ['{ grids(first: FIRST) { nodes { code } } }', 100],
      ['{ grids(first: 1) { nodes { children(first: FIRST) { nodes { code } } } } }', 100],
    ] as const;
    for (const [document, max] of lists) {
      for (const first of [0, -5, max + 1]) {
        const result = await feidong.request(document.replace('FIRST', String(first)));
        expect([document, first, result.errors?.[0].extensions?.code]).toEqual([document, first, 'BAD_USER_INPUT']);
      }
      expect([document, (await feidong.request(document.replace('FIRST', String(max)))).errors]).toEqual([document, undefined]);
    }
  });

  it('answers health and readiness probes', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    // The tests' clock is 28 November 2026 and the packaged calendar ends with 2026: a warning, not a failure.
    expect(await ready.json()).toEqual({ status: 'ready', database: true, warnings: [expect.stringMatching(/the 2027 holiday schedule is not loaded/)] });
  });
});

describe('server hardening (production settings)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ production: true });
  });
  afterAll(() => app.close());

  it('turns introspection and field suggestions off', async () => {
    const client = app.client();
    const introspection = await client.request('{ __schema { types { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await client.request('{ grds(first: 1) { nodes { code } } }');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
  });

  it('masks unexpected errors (no SQL, no stack) and gives a correlation id', async () => {
    const city = await app.as('cityadmin');
    await app.ownerSql('alter table case_category rename to case_category_gone');
    const result = await city.request('{ caseCategories { name } }');
    const text = JSON.stringify(result);
    expect(result.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(result.errors?.[0].extensions?.requestId).toBe(result.headers.get('x-request-id'));
    expect(text).not.toMatch(/case_category|select |stacktrace/i);
  });
});
