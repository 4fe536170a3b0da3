// PostGraphile 5 contender, run by this folder's Node 22 (node_modules/.bin/node).
// It connects as gridwatch_app, so our row-level security policies apply; the caller's unit
// comes from the x-gw-unit header and reaches Postgres as the transaction-local gw.unit and
// the level's role (gridwatch_county), exactly as the API's gw_bind_unit sets them. gw.path stays empty: the CASL rules do not list the grids
// above the unit, and the API's read-up policy exists only for routing.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.env.PORT);
const preset = {
  extends: [PostGraphileAmberPreset],
  // PostGraphile hides a backward relation unless one index holds every column of its foreign
  // key. Our tenant foreign keys carry the shard key, (source_id, county_key), while the index
  // that serves them is (source_id, id): one source's cases all share its county_key, and the
  // index also gives their order. Without this, Q4's casesBySourceIdAndCountyKey is missing.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { port, graphiql: false, watch: false },
  grafast: {
    explain: false,
    context(requestContext) {
      const headers = requestContext.node?.req.headers ?? {};
      const unit = String(headers['x-gw-unit'] ?? '');
      const level = /^(CITY|COUNTY|TOWNSHIP|VILLAGE):\d+$/.exec(unit)?.[1];
      return { pgSettings: { role: level ? `gridwatch_${level.toLowerCase()}` : 'gridwatch_app', 'gw.unit': unit, 'gw.path': '{}' } };
    },
  },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
serv.addTo(server).then(
  () => server.listen(port, '127.0.0.1'),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
