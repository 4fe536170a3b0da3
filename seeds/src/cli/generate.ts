import { Client } from 'pg';
import { parseArgs } from 'node:util';
import { databaseSize, nonEmptyTables, truncateSeededTables } from '../db/database-state';
import { loadProfile } from '../db/load-profile';
import { DEFAULT_SEED, PROFILE_NAMES, isProfileName } from '../generator/profiles';
import { assertDay, beijingDate } from '../generator/timeline';
import { progressReporter } from './progress';

const USAGE = `usage: generate --profile hefei|city|province|nation [--seed N] [--anchor yyyy-mm-dd] [--database-url URL] [--force]
  --anchor        the day the data is laid out before (default: today in Beijing)
  --database-url  target database (default: $DATABASE_URL); it must be migrated by the api first
  --force         empty the seeded tables first instead of refusing a non-empty database`;

interface Args {
  profile: (typeof PROFILE_NAMES)[number];
  seed: number;
  anchor: string;
  url: string;
  force: boolean;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: 'string', default: 'hefei' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      // The command line is where the wall clock enters: the generator itself takes the day.
      anchor: { type: 'string', default: beijingDate(new Date()) },
      'database-url': { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) exit(USAGE, 0);
  const profile = values.profile ?? 'hefei';
  if (!isProfileName(profile)) exit(`unknown profile "${profile}"\n${USAGE}`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) exit(`--seed must be a non-negative integer\n${USAGE}`);
  const anchor = values.anchor ?? '';
  try {
    assertDay(anchor);
  } catch {
    exit(`--anchor must be a date yyyy-mm-dd\n${USAGE}`);
  }
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url) exit(`no database: pass --database-url or set DATABASE_URL\n${USAGE}`);
  return { profile, seed, anchor, url, force: values.force ?? false };
}

function exit(message: string, code = 2): never {
  (code ? console.error : console.log)(message);
  process.exit(code);
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const client = new Client({ connectionString: args.url });
  await client.connect();
  try {
    const filled = await nonEmptyTables(client);
    if (filled.length && !args.force) exit(`the database is not empty (rows in ${filled.join(', ')}); use --force to empty it`, 1);
    if (filled.length) {
      console.error(`emptying ${filled.join(', ')}`);
      await truncateSeededTables(client);
    }

    const progress = progressReporter();
    const result = await loadProfile(client, args.profile, {
      seed: args.seed,
      anchor: args.anchor,
      // The rollups are copied on a second connection while the first goes on.
      connect: async () => {
        const side = new Client({ connectionString: args.url });
        await side.connect();
        return side;
      },
      onProgress: (p) => progress.update(p),
      // Where the time goes, one line per phase on stderr (generation runs inside each COPY).
      onPhase: ({ phase, ms }) => {
        if (ms >= 50) console.error(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${phase}`);
      },
    });
    progress.stop();

    const size = await databaseSize(client);
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(
      `loaded profile ${result.profile} (seed ${result.seed}, anchor ${result.anchor}): ${total.toLocaleString('en-US')} rows in ` +
        `${(result.elapsedMs / 1000).toFixed(1)} s; database size ${size.pretty}` +
        (result.foreignKeyChecksSkipped ? ' (foreign-key triggers skipped during COPY)' : ''),
    );
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
