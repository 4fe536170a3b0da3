import { MikroORM } from '@mikro-orm/postgresql';
import { StartedClock } from '../../common/clock';
import { loadConfig } from '../../config';
import { compiledReadStats } from '../../data/compiled-reads';
import { startServer, type RunningServer } from '../../server/app';
import { createLogger } from '../../server/logger';
import { cloneDatabase, TEMPLATE_SEEDED } from '../../test/databases';
import { startPgBouncer, type PgBouncer } from '../../test/pgbouncer';
import { GraphQLClient } from '../../test/test-app';
import { TEST_CLOCK_START } from '../../test/time';
import { ormConfig } from '../orm.config';
import { appConnections } from '../pooler';

/** What a county user reads: grids and cases with their grids (both compiled reads, when on). */
const READ = `{ grids(first: 100) { nodes { code } } cases(first: 50) { nodes { id grid { code } } } }`;
interface Read {
  grids: { nodes: { code: string }[] };
  cases: { nodes: { id: string; grid: { code: string } | null }[] };
}
/** 肥东县 and 瑶海区, two counties of the Hefei seed. */
const COUNTIES = { feidong: '340122', yaohai: '340102' } as const;

/**
 * PgBouncer in transaction mode with ONE connection to PostgreSQL: two county users' requests,
 * interleaved on that one server connection through both read paths (compiled reads, and the
 * resolvers over the ORM with COMPILED_READS=off), each see their own county's rows and no
 * other's. On the old code the compiled reads' session-level prepared statements collided on the
 * shared server connection (`prepared statement "gw_bind" already exists`).
 */
describe('PgBouncer in transaction mode, one server connection', () => {
  let database: Awaited<ReturnType<typeof cloneDatabase>>;
  let bouncer: PgBouncer;
  const orms: MikroORM[] = [];
  const servers: RunningServer[] = [];
  const clients: { county: keyof typeof COUNTIES; client: GraphQLClient }[] = [];

  beforeAll(async () => {
    database = await cloneDatabase(TEMPLATE_SEEDED);
    const direct = await appConnections(database.url, null);
    bouncer = await startPgBouncer(direct.direct, 1);
    const connections = await appConnections(database.url, bouncer.url);
    for (const compiled of [true, false]) {
      const orm = await MikroORM.init(ormConfig(connections.pooled));
      orms.push(orm);
      const config = { ...loadConfig({ NODE_ENV: 'test', PORT: '0', COMPILED_READS: compiled ? 'on' : 'off', DATABASE_POOLER_URL: bouncer.url }), logLevel: 'silent' };
      const server = await startServer(orm, config, createLogger(process.env.GW_TEST_LOG ?? 'silent'), new StartedClock(TEST_CLOCK_START), connections);
      servers.push(server);
      for (const county of ['feidong', 'yaohai'] as const) clients.push({ county, client: await new GraphQLClient(server.url).signIn(county) });
    }
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const orm of orms) await orm.close(true);
    await bouncer?.stop();
    await database?.drop();
  });

  it('keeps two tenants apart while their requests share the one server connection', async () => {
    // What each county sees, asked one at a time.
    const alone = new Map<string, Read>();
    for (const { county, client } of clients.slice(0, 2)) alone.set(county, await client.data<Read>(READ));
    for (const [county, prefix] of Object.entries(COUNTIES)) {
      const read = alone.get(county) as Read;
      expect(read.grids.nodes.length).toBeGreaterThan(1);
      expect(read.cases.nodes.length).toBeGreaterThan(0);
      expect(read.grids.nodes.every((grid) => grid.code.startsWith(prefix))).toBe(true);
      expect(read.cases.nodes.every((kase) => kase.grid?.code.startsWith(prefix))).toBe(true);
    }

    // Both counties at once, both paths, many rounds: every answer is the county's own, whole.
    const compiledBefore = compiledReadStats.answered;
    const rounds = 10;
    for (let round = 0; round < rounds; round += 1) {
      const answers = await Promise.all(clients.flatMap(({ county, client }) => [0, 1].map(async () => ({ county, read: await client.data<Read>(READ) }))));
      for (const { county, read } of answers) expect(read).toEqual(alone.get(county));
    }

    // The first server answered every one of its reads compiled (not by the resolvers after a refused statement).
    expect(compiledReadStats.answered - compiledBefore).toBe(rounds * 4);

    // Never more than the one connection to PostgreSQL.
    const serverConnections = await bouncer.admin<{ database: string }>('SHOW SERVERS');
    expect(serverConnections.filter((server) => server.database === bouncer.database)).toHaveLength(1);
  });
});
