import { compiledReadStats } from '../compiled-reads';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/test-app';
import { beijing } from '../../test/time';

/**
 * The read compiler's differential test: the same documents, as each role, against two servers
 * on identical clones of the seeded city, one answering compiled and one through the
 * resolvers. Every answer must be the same JSON, key order included, and the documents the
 * compiler knows must really have been answered by it.
 */
const caseFields = `id number origin field urgency description address status reportedAt dueAt dueProvisional closedAt version
  viaPlatform extensionCount requestedExtensionDays reviewAt score complexity answerDueAt location { lng lat }`;
const gridFields = 'id code name level kind active hasPlatform illustrative centroid { lng lat __typename }';
const sourceFields = 'id name creditCode type industry address status supervisionLevel version location { lat lng }';
const pageInfo = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** `compiledFor`: the logins whose rules let the compiler answer (the others, the resolvers). */
const compiled: { name: string; query: string; variables?: Record<string, unknown>; compiledFor?: string[] }[] = [
  { name: 'case list, newest first', query: `{ cases(first: 50) { nodes { id number status reportedAt dueAt description } ${pageInfo} } }` },
  {
    name: 'REPORTED by deadline',
    query: `query($after: String) { cases(first: 50, after: $after, filter: { status: [REPORTED] }, orderBy: DUE_ASC) { nodes { id number status reportedAt dueAt } ${pageInfo} totalCount } }`,
  },
  {
    name: 'grids → sources → cases',
    query: '{ grids(first: 20) { nodes { code sources(first: 10) { nodes { name cases(first: 5) { nodes { number } } } } } } }',
  },
  {
    name: 'a case page with everything the compiler knows',
    query: `{ cases(first: 8, orderBy: REPORTED_ASC) { totalCount __typename edges { __typename cursor node { ${caseFields}
      grid { id code name parent { code name } } source { ${sourceFields} grid { code } }
      category { id code name defaultField active requiresAfterPhoto } handlingUnit { code name } duplicateOf { number }
      events(first: 3) { totalCount nodes { id action fromStatus toStatus actorRole at note reason details dueAt } ${pageInfo} } } } ${pageInfo} } }`,
  },
  {
    name: 'grids by name with children, fragments and aliases',
    query: `query($level: GridLevel) { list: grids(first: 15, orderBy: NAME_ASC, filter: { level: $level }) { nodes { ...G kids: children(first: 4) { totalCount nodes { ...G } pageInfo { hasNextPage endCursor } } } ${pageInfo} } }
      fragment G on Grid { ${gridFields} ... on Node { id } }`,
    variables: { level: 'TOWNSHIP' },
  },
  { name: 'sources with a filter', query: `{ sources(first: 20, filter: { supervisionLevel: KEY }) { nodes { ${sourceFields} grid { code } cases(first: 2) { nodes { number status } } } totalCount ${pageInfo} } }` },
  {
    name: "the console's case list row (admin/src/resources/cases/queries.ts)",
    query: `{ cases(first: 25, orderBy: REPORTED_DESC) { nodes { id number status origin urgency reportedAt dueAt dueProvisional closedAt address description
      location { lng lat } category { id name code } grid { id name code } } totalCount ${pageInfo} } }`,
  },
  // Compiled for the roles that answer complaints; the others get the resolvers' refusal.
  {
    name: 'complainant fields',
    query: '{ cases(first: 10, filter: { origin: COMPLAINT }) { nodes { number complainantName complainantPhone duplicateOf { complainantPhone } } } }',
    compiledFor: ['feidong', 'yaohai', 'cityadmin', 'operator'],
  },
  { name: 'only the count of an empty page', query: `{ grids(first: 5, filter: { parentId: "${Buffer.from('Grid:999999').toString('base64url')}" }) { totalCount } }` },
  { name: 'typename and two roots', query: '{ __typename a: cases(first: 2) { nodes { number } } b: grids(first: 2) { nodes { code } } }' },
  // caseStatistics: from the rollups (a unit's subtree) or live (other scopes, overdueOnly), rows with their units.
  { name: 'the dashboard: units × status', query: '{ caseStatistics(groupBy: [UNIT, STATUS]) { unit { id code name level } status count overdue closed __typename } }' },
  { name: 'categories without overdue', query: '{ caseStatistics(groupBy: [CATEGORY]) { category { code name } c: count closed unit { code } } }' },
  {
    name: 'a daily trend by status',
    query: 'query($from: DateTimeISO) { caseStatistics(groupBy: [DAY, STATUS], from: $from) { period status count closed } }',
    variables: { from: beijing('2026-11-08T00:00:00').toISOString() },
  },
  ...[true, false].map((hasChildren) => ({
    name: `the console's dashboard (admin/src/dashboard/statistics.ts), children ${hasChildren ? 'included' : 'skipped'}`,
    query: `query Dashboard($from: DateTimeISO!, $trend: CaseStatisticsDimension!, $parentId: ID!, $hasChildren: Boolean!) {
      byStatus: caseStatistics(groupBy: [STATUS]) { status count overdue closed __typename }
      byCategory: caseStatistics(groupBy: [CATEGORY]) { category { id code name __typename } count __typename }
      byUnit: caseStatistics(groupBy: [UNIT]) { unit { id name __typename } count overdue closed __typename }
      trend: caseStatistics(groupBy: [$trend], from: $from) { period count closed __typename }
      children: grids(first: 100, filter: { parentId: $parentId }) @include(if: $hasChildren) { nodes { id name __typename } __typename }
      sources(first: 1) @skip(if: false) { totalCount __typename }
    }`,
    variables: { from: beijing('2026-10-30T00:00:00').toISOString(), trend: 'DAY', parentId: Buffer.from('Grid:1').toString('base64url'), hasChildren },
  })),
  { name: 'overdue only, weekly from an instant', query: `{ caseStatistics(groupBy: [WEEK], from: "${beijing('2026-10-01T10:30:00').toISOString()}", overdueOnly: true) { period count overdue } }` },
];

/** Documents the compiler leaves to the resolvers: their answers must not change either. */
const declined: { name: string; query: string }[] = [
  { name: 'a backward page', query: '{ cases(last: 3) { nodes { number } } }' },
  { name: 'a page too large', query: '{ cases(first: 500) { nodes { number } } }' },
  { name: 'a bad cursor', query: '{ cases(first: 5, after: "nonsense") { nodes { number } } }' },
  { name: 'a directive', query: '{ cases(first: 5) { nodes { number @include(if: true) } } }' },
  { name: 'every root field skipped', query: '{ a: cases(first: 2) @include(if: false) { nodes { number } } b: grids(first: 1) @skip(if: true) { nodes { code } } }' },
  { name: 'a trend without a start', query: '{ caseStatistics(groupBy: [DAY]) { count } }' },
  { name: 'a dimension twice', query: '{ caseStatistics(groupBy: [STATUS, STATUS]) { count } }' },
  { name: 'no dimension', query: '{ caseStatistics(groupBy: []) { count } }' },
];

const logins = ['feidong', 'yaohai', 'cityadmin', 'inspector', 'township', 'gridworker', 'officer', 'countydept', 'operator'];

describe('compiled reads answer as the resolvers do', () => {
  let compiledApp: TestApp;
  let resolverApp: TestApp;

  beforeAll(async () => {
    [compiledApp, resolverApp] = await Promise.all([startTestApp(), startTestApp({ compiledReads: false })]);
  });
  afterAll(async () => {
    await Promise.all([compiledApp?.close(), resolverApp?.close()]);
  });

  const ask = async (client: GraphQLClient, query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await client.request(query, variables);
    // Each request has its own id; the rest of an error must match.
    return JSON.stringify({ data, errors }).replace(/"requestId":"[^"]*"/g, '"requestId":"-"');
  };

  it.each(logins)('as %s', async (login) => {
    const [fast, slow] = await Promise.all([compiledApp.as(login), resolverApp.as(login)]);
    for (const doc of compiled) {
      const before = compiledReadStats.answered;
      const expected = await ask(slow, doc.query, doc.variables);
      expect({ doc: doc.name, answer: await ask(fast, doc.query, doc.variables) }).toEqual({ doc: doc.name, answer: expected });
      // A role that may read what is asked had it compiled; others got the resolvers' refusal, unchanged.
      expect({ doc: doc.name, compiled: compiledReadStats.answered - before }).toEqual({
        doc: doc.name,
        compiled: expected.includes('"errors":[') || (doc.compiledFor && !doc.compiledFor.includes(login)) ? 0 : 1,
      });
    }
    // The next page, through the cursor the compiled page gave.
    const first = JSON.parse(await ask(fast, compiled[1].query)) as { data?: { cases: { pageInfo: { endCursor: string | null } } } };
    const after = first.data?.cases.pageInfo.endCursor;
    if (after) expect(await ask(fast, compiled[1].query, { after })).toEqual(await ask(slow, compiled[1].query, { after }));
    for (const doc of declined) {
      const before = compiledReadStats.answered;
      expect({ doc: doc.name, answer: await ask(fast, doc.query) }).toEqual({ doc: doc.name, answer: await ask(slow, doc.query) });
      expect(compiledReadStats.answered).toBe(before);
    }
  });

  it('answers a document Apollo has seen again without Apollo, byte for byte and header for header', async () => {
    const client = await compiledApp.as('township');
    const post = async (query: string, accept?: string) => {
      const response = await fetch(`${compiledApp.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: client.cookie ?? '', ...(accept ? { accept } : {}) },
        body: JSON.stringify({ query, variables: {} }),
      });
      return { type: response.headers.get('content-type'), text: await response.text() };
    };
    for (const doc of [compiled[0], compiled[3]]) {
      for (const accept of [undefined, 'application/graphql-response+json']) {
        const before = compiledReadStats.withoutApollo;
        const first = await post(doc.query, accept);
        const again = await post(doc.query, accept);
        expect({ doc: doc.name, again }).toEqual({ doc: doc.name, again: first });
        // The first went through Apollo (the text was new to it) or not; the second surely did not.
        expect(compiledReadStats.withoutApollo).toBeGreaterThan(before);
      }
    }
    // A refusal still comes from Apollo: a page too large, in a document seen before with a valid size.
    const query = 'query($n: Int) { cases(first: $n) { nodes { number } } }';
    const ask = (n: number) =>
      fetch(`${compiledApp.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: client.cookie ?? '' }, body: JSON.stringify({ query, variables: { n } }) }).then((r) => r.json() as Promise<{ errors?: { extensions: { code: string } }[] }>);
    expect((await ask(5)).errors).toBeUndefined();
    expect((await ask(500)).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a case by id, one not found, and one outside the territory', async () => {
    const [fast, slow] = await Promise.all([compiledApp.as('feidong'), resolverApp.as('feidong')]);
    const ids = JSON.parse(await ask(fast, '{ cases(first: 3) { nodes { id } } }')) as { data: { cases: { nodes: { id: string }[] } } };
    const [yaohai] = await Promise.all([compiledApp.as('yaohai')]);
    const foreign = JSON.parse(await ask(yaohai, '{ cases(first: 1) { nodes { id } } }')) as { data: { cases: { nodes: { id: string }[] } } };
    const query = `query($id: ID!) { case(id: $id) { ${caseFields} grid { code } events(first: 50) { nodes { action at } } } }`;
    for (const id of [...ids.data.cases.nodes.map((n) => n.id), foreign.data.cases.nodes[0].id, Buffer.from('Case:999999999').toString('base64url'), 'bad']) {
      expect(await ask(fast, query, { id })).toEqual(await ask(slow, query, { id }));
    }
  });

  it('a list within a grid (the filter looks the grid up in the caller\'s transaction) is compiled, and an unknown grid refused as before', async () => {
    const [fast, slow] = await Promise.all([compiledApp.as('feidong'), resolverApp.as('feidong')]);
    const townships = JSON.parse(await ask(fast, '{ grids(first: 2, filter: { level: TOWNSHIP }) { nodes { id } } }')) as { data: { grids: { nodes: { id: string }[] } } };
    const query = `query($within: ID!) { cases(first: 20, filter: { withinId: $within }) { nodes { number grid { code } } totalCount } sources(first: 5, filter: { withinId: $within }) { nodes { name } }
      caseStatistics(groupBy: [UNIT, CATEGORY], within: $within) { unit { code } category { code } count overdue } }`;
    for (const within of [...townships.data.grids.nodes.map((n) => n.id), Buffer.from('Grid:999999').toString('base64url')]) {
      const before = compiledReadStats.answered;
      const expected = await ask(slow, query, { within });
      expect(await ask(fast, query, { within })).toEqual(expected);
      expect(compiledReadStats.answered - before).toBe(expected.includes('"errors":[') ? 0 : 1);
    }
  });

  it('reads a request body as Express does: the same status, type and body for malformed and unusual ones', async () => {
    const [fast, slow] = await Promise.all([compiledApp.as('township'), resolverApp.as('township')]);
    const known = JSON.stringify({ query: compiled[0].query });
    // Seen once, so that the compiled server knows the document.
    await ask(fast, compiled[0].query);
    const bodies: [string, Record<string, string>][] = [
      [known, {}],
      [`\uFEFF${known}`, {}],
      [`  \n${known}`, {}],
      ['{"query": ', {}],
      ['"just a string"', {}],
      ['null', {}],
      ['[]', {}],
      [known, { 'content-type': 'application/json; charset=utf-8' }],
      [known, { 'content-type': 'application/json; charset=latin1' }],
      [known, { 'content-type': 'text/plain' }],
      [known, { 'content-encoding': 'gzip' }],
      [known, { accept: 'text/html' }],
    ];
    const send = async (app: TestApp, cookie: string | null, body: string, headers: Record<string, string>) => {
      const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookie ?? '', ...headers }, body });
      return { status: response.status, type: response.headers.get('content-type'), body: (await response.text()).replace(/"requestId":"[^"]*"/g, '') };
    };
    const before = compiledReadStats.withoutApollo;
    for (const [body, headers] of bodies) {
      const expected = await send(resolverApp, slow.cookie, body, headers);
      expect({ body, headers, answer: await send(compiledApp, fast.cookie, body, headers) }).toEqual({ body, headers, answer: expected });
    }
    // The four plain JSON bodies of the known document were answered in front of Express.
    expect(compiledReadStats.withoutApollo - before).toBe(4);
  });
});
