import { PAGE, type Fixture } from './fixture';

/** How the three kinds of server are asked. The gridwatch variants share the gridwatch calls. */
export type Kind = 'floor' | 'gridwatch' | 'postgraphile';

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  /**
   * Who asks (an identity key: 'county', 'city', 'operator' or 'operator:<county id>'): the
   * floor and PostGraphile get the unit in a header, gridwatch a session cookie.
   */
  as: string;
  body?: string;
}

export interface QuerySpec {
  id: string;
  title: string;
  calls: Partial<Record<Kind, Call>>;
  /** A refusal we know of and report (a finding, not a rotten harness): kind → pattern of the error. */
  knownRefusal?: Partial<Record<Kind, RegExp>>;
  /** A write: each request sends the next of these bodies (each files another case) as `as`, per kind. */
  writes?: Partial<Record<Kind, WriteItem[]>>;
  /** The answer reduced to what must be equal across servers (case numbers, grid codes...). */
  normalize(kind: Kind, body: unknown): unknown;
}

export interface WriteItem {
  body: string;
  id: number;
  version: number;
  /** The identity that sends it (the operator of the case's county). */
  as: string;
}

type Json = Record<string, unknown>;
const gql = (query: string, variables: Json = {}): string => JSON.stringify({ query, variables });
const at = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, key) => (v as Json | null)?.[key], value);
const numbers = (list: unknown): string[] => (Array.isArray(list) ? list.map((item: Json) => String(item.number)) : ['<not a list>']);
const caseId = (id: number): string => Buffer.from(`Case:${id}`).toString('base64url');
/** MikroORM's cursor: base64url of the JSON array of the sort values. */
const keysetCursor = (after: Fixture['deepAfter']): string => Buffer.from(JSON.stringify([after.dueAt, after.id])).toString('base64url');

const caseFields = 'number status reportedAt dueAt description';
const pgCaseFields = 'rowId number status reportedAt dueAt description';

/** grids → sources → cases flattened to g:/s:/c: tokens in order. */
function flatten(grids: unknown, sourcesKey: string, casesKey: string): string[] {
  const out: string[] = [];
  for (const grid of (grids as Json[] | null) ?? []) {
    out.push(`g:${String(grid.code)}`);
    const sources = (at(grid, sourcesKey, 'nodes') ?? at(grid, sourcesKey)) as Json[] | null;
    for (const source of sources ?? []) {
      out.push(`s:${String(source.name)}`);
      const cases = (at(source, casesKey, 'nodes') ?? at(source, casesKey)) as Json[] | null;
      for (const kase of cases ?? []) out.push(`c:${String(kase.number)}`);
    }
  }
  return out;
}

/** Q5: counts per child unit × status (PostGraphile amber has no aggregates). */
const statistics = gql('{ caseStatistics(groupBy: [UNIT, STATUS]) { unit { code } status count } }');
const statisticsNormalize = (kind: Kind, body: unknown): string[] => {
  const rows = (kind === 'floor' ? at(body, 'data') : at(body, 'data', 'caseStatistics')) as Json[] | null;
  const code = (row: Json): unknown => (kind === 'floor' ? row.code : at(row, 'unit', 'code'));
  return (rows ?? []).map((row) => `${String(code(row))}:${String(row.status)}:${String(row.count)}`).sort();
};

export function querySpecs(f: Fixture, pgDeepCursor: string | null): QuerySpec[] {
  const offset = f.deepBefore + 1;
  const listNormalize = (pgField: string, gwField: string) => (kind: Kind, body: unknown) =>
    kind === 'floor' ? numbers(at(body, 'data')) : numbers(at(body, 'data', kind === 'postgraphile' ? pgField : gwField, 'nodes'));
  // PostGraphile clients name the county they list, as the API's CASL filter does, so both
  // send the same statement shape (RLS alone, one equality per level role, would also serve it).
  const pgList = (args: string) =>
    gql(`{ allCases(first: ${PAGE}, condition: { status: REPORTED, countyId: ${f.county.id} }, orderBy: [DUE_AT_ASC, ROW_ID_ASC]${args}) { nodes { ${pgCaseFields} } } }`);
  const gwList = (after: string | null) =>
    gql(`query($after: String) { cases(first: ${PAGE}, after: $after, filter: { status: [REPORTED] }, orderBy: DUE_ASC) { nodes { id ${caseFields} } pageInfo { endCursor } } }`, { after });
  const deepAfter = f.deepAfter;
  // Q6: in every platform county the floor and the API file disjoint halves of its REPORTED
  // cases; successive requests rotate through the counties.
  const fileMutation = 'mutation($input: CaseStepInput!) { fileCase(input: $input) { status version } }';
  const halves = f.operators.map((o) => {
    const half = Math.floor(o.fileable.length / 2);
    return {
      floor: o.fileable.slice(0, half).map((c) => ({ ...c, as: o.key, body: JSON.stringify({ id: c.id, version: c.version, actorId: o.accountId }) })),
      gridwatch: o.fileable.slice(half).map((c) => ({ ...c, as: o.key, body: gql(fileMutation, { input: { id: caseId(c.id), version: c.version } }) })),
    };
  });
  const writes = { floor: roundRobin(halves.map((h) => h.floor)), gridwatch: roundRobin(halves.map((h) => h.gridwatch)) };
  return [
    {
      id: 'Q1',
      title: 'case by id (county admin)',
      calls: {
        floor: { method: 'GET', path: `/case?id=${f.caseId}`, as: 'county' },
        gridwatch: { method: 'POST', path: '/graphql', as: 'county', body: gql(`query($id: ID!) { case(id: $id) { id ${caseFields} } }`, { id: caseId(f.caseId) }) },
        postgraphile: { method: 'POST', path: '/graphql', as: 'county', body: gql(`{ caseByRowIdAndCountyKey(rowId: ${f.caseId}, countyKey: ${f.caseCountyKey}) { ${pgCaseFields} } }`) },
      },
      normalize: (kind, body) =>
        String(kind === 'floor' ? at(body, 'data', 'number') : at(body, 'data', kind === 'postgraphile' ? 'caseByRowIdAndCountyKey' : 'case', 'number')),
    },
    {
      id: 'Q2a',
      title: 'keyset page 1 of 50, REPORTED by deadline (county admin)',
      calls: {
        floor: { method: 'GET', path: '/keyset?status=REPORTED', as: 'county' },
        gridwatch: { method: 'POST', path: '/graphql', as: 'county', body: gwList(null) },
        postgraphile: { method: 'POST', path: '/graphql', as: 'county', body: pgList('') },
      },
      normalize: listNormalize('allCases', 'cases'),
    },
    {
      id: 'Q2b',
      title: `keyset page ${f.deepPage.toLocaleString('en')} (county admin)`,
      calls: {
        floor: { method: 'GET', path: `/keyset?status=REPORTED&afterDue=${encodeURIComponent(deepAfter.dueAt ?? '')}&afterId=${deepAfter.id}`, as: 'county' },
        gridwatch: { method: 'POST', path: '/graphql', as: 'county', body: gwList(keysetCursor(deepAfter)) },
        ...(pgDeepCursor ? { postgraphile: { method: 'POST', path: '/graphql', as: 'county', body: pgList(`, after: "${pgDeepCursor}"`) } as Call } : {}),
      },
      normalize: listNormalize('allCases', 'cases'),
    },
    {
      id: 'Q3a',
      title: 'offset page 1 (floor and PostGraphile: the API pages by cursor only)',
      calls: {
        floor: { method: 'GET', path: '/offset?status=REPORTED&offset=0', as: 'county' },
        postgraphile: { method: 'POST', path: '/graphql', as: 'county', body: pgList(', offset: 0') },
      },
      normalize: listNormalize('allCases', 'cases'),
    },
    {
      id: 'Q3b',
      title: `offset page ${f.deepPage.toLocaleString('en')} (floor and PostGraphile: the API pages by cursor only)`,
      calls: {
        floor: { method: 'GET', path: `/offset?status=REPORTED&offset=${offset}`, as: 'county' },
        postgraphile: { method: 'POST', path: '/graphql', as: 'county', body: pgList(`, offset: ${offset}`) },
      },
      normalize: listNormalize('allCases', 'cases'),
    },
    {
      id: 'Q4',
      title: 'grids(20) → sources(10) → cases(5) (county admin)',
      calls: {
        floor: { method: 'GET', path: '/nested', as: 'county' },
        gridwatch: {
          method: 'POST',
          path: '/graphql',
          as: 'county',
          body: gql('{ grids(first: 20) { nodes { code sources(first: 10) { nodes { name cases(first: 5) { nodes { number } } } } } } }'),
        },
        postgraphile: {
          method: 'POST',
          path: '/graphql',
          as: 'county',
          body: gql(
            `{ allGrids(first: 20, orderBy: CODE_ASC, condition: { countyId: ${f.county.id} }) { nodes { code pollutionSourcesByGridId(first: 10, orderBy: PRIMARY_KEY_ASC) { nodes { name casesBySourceIdAndCountyKey(first: 5, orderBy: PRIMARY_KEY_DESC) { nodes { number } } } } } } }`,
          ),
        },
      },
      normalize: (kind, body) =>
        kind === 'floor'
          ? flatten(at(body, 'data'), 'sources', 'cases')
          : kind === 'postgraphile'
            ? flatten(at(body, 'data', 'allGrids', 'nodes'), 'pollutionSourcesByGridId', 'casesBySourceIdAndCountyKey')
            : flatten(at(body, 'data', 'grids', 'nodes'), 'sources', 'cases'),
    },
    {
      id: 'Q5',
      title: 'dashboard: counts per township × status, county admin (caseStatistics)',
      calls: { floor: { method: 'GET', path: '/dashboard', as: 'county' }, gridwatch: { method: 'POST', path: '/graphql', as: 'county', body: statistics } },
      normalize: statisticsNormalize,
    },
    {
      id: 'Q5c',
      title: 'dashboard city-wide: counts per county × status, city inspector',
      calls: { floor: { method: 'GET', path: '/dashboard', as: 'city' }, gridwatch: { method: 'POST', path: '/graphql', as: 'city', body: statistics } },
      normalize: statisticsNormalize,
    },
    {
      id: 'Q6',
      title: `fileCase: a transition with its event and hash chain (platform operators of ${f.operators.length} counties in turn, writes)`,
      calls: { floor: { method: 'POST', path: '/file', as: 'operator' }, gridwatch: { method: 'POST', path: '/graphql', as: 'operator' } },
      writes,
      normalize: (kind, body) => String(kind === 'floor' ? at(body, 'data', 'status') : at(body, 'data', 'fileCase', 'status')),
    },
    {
      id: 'Q7',
      title: 'city-wide list, newest 50 (city inspector)',
      calls: {
        floor: { method: 'GET', path: '/recent', as: 'city' },
        gridwatch: { method: 'POST', path: '/graphql', as: 'city', body: gql(`{ cases(first: ${PAGE}) { nodes { id ${caseFields} } } }`) },
        postgraphile: {
          method: 'POST',
          path: '/graphql',
          as: 'city',
          // Amber orders only by indexed columns (reported_at has none): ids follow reported_at in
          // the seeds, so PRIMARY_KEY_DESC gives the same rows (the preflight checks it).
          body: gql(`{ allCases(first: ${PAGE}, orderBy: PRIMARY_KEY_DESC, condition: { cityId: ${f.city.id} }) { nodes { ${pgCaseFields} } } }`),
        },
      },
      normalize: listNormalize('allCases', 'cases'),
    },
  ];
}

/** One from each list in turn while any is left: [a1, b1, c1, a2, b2, ...]. */
function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((list) => i < list.length); i += 1) {
    for (const list of lists) if (i < list.length) out.push(list[i]);
  }
  return out;
}
