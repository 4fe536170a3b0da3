import { exec } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { Client } from 'pg';
import { ClusterLoad } from './cluster-load';
import { runClusterScenario } from './cluster-scenario';

const USAGE = `run-cluster-load --url <the cluster's URL> --kill <command> --restart <command>
                 [--standby <replica superuser URL>] [--budget-ms <DATABASE_REPLICA_MAX_LAG_MS>]
                 [--killed api1] [--writers 3] [--readers 3]

The cluster load test (server/__tests__/cluster-load.e2e.spec.ts) against a running cluster:
deploy/cluster.sh load (pnpm cluster:load) fills in the options. --kill and --restart are shell
commands that SIGKILL one API process and start it again (returning once it is ready); without
--standby the lag phases are left out. Prints one line of JSON; exits 1 on any failed request
or read-your-writes violation.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      kill: { type: 'string' },
      restart: { type: 'string' },
      standby: { type: 'string' },
      'budget-ms': { type: 'string', default: '5000' },
      killed: { type: 'string', default: 'api1' },
      writers: { type: 'string', default: '3' },
      readers: { type: 'string', default: '3' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.url || !values.kill || !values.restart) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const shell = promisify(exec);
  const log = (line: string) => console.error(`cluster-load: ${line}`);
  const standby = values.standby ? new Client(values.standby) : null;
  await standby?.connect();
  const load = new ClusterLoad({ url: values.url, writers: Number(values.writers), readers: Number(values.readers) });
  const started = Date.now();
  await load.start();
  let answeredAfterRestart = 0;
  try {
    ({ answeredAfterRestart } = await runClusterScenario(load, {
      killed: values.killed,
      kill: async () => void (await shell(values.kill as string)),
      restart: async () => void (await shell(values.restart as string)),
      standby,
      budgetMs: Number(values['budget-ms']),
      log,
    }));
  } finally {
    await load.stop();
    await standby?.end();
  }
  console.log(JSON.stringify({ seconds: Math.round((Date.now() - started) / 1000), answeredAfterRestart, ...load.summary() }));
  for (const finding of load.findings) log(finding);
  if (!answeredAfterRestart) log(`${values.killed} answered nothing after its restart`);
  return load.total.failed === 0 && load.total.violations === 0 && answeredAfterRestart > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('cluster-load:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
