// Runs the tests under a shifted clock (Debian's faketime: Node, PostgreSQL and Chromium all see
// the shifted date), to prove that nothing depends on the day the suite runs.
//
//   node scripts/any-day.mjs                  the whole suite at each of the three dates below
//   node scripts/any-day.mjs --subset         the date-sensitive test files only
//   node scripts/any-day.mjs --date 2030-02-28T15:50:00Z [--date …]
//
// faketime is installed through apt when missing (as root or with passwordless sudo).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// 元旦 of a year the holiday table does not cover; the last minutes of a month, so the run
// crosses into the next; and a date years ahead. Instants in UTC (faketime reads them so).
const DATES = ['2027-01-01T02:00:00Z', '2027-02-28T15:50:00Z', '2033-08-15T01:00:00Z'];

// Every test file whose outcome could hang on the date: deadlines, the scheduler, patrol plans,
// statistics, assessment periods, inspections overdue, audits, tasks, sessions (and the kept
// principals), the seed's timeline, and the console screens that show this month or today (the
// phone's home, check-ins recorded offline).
const SUBSET = [
  ['seeds', ['src/generator/__tests__/timeline.spec.ts', 'src/generator/__tests__/lifecycles.spec.ts']],
  [
    'api',
    [
      'src/modules/deadline', 'src/modules/supervision', 'src/modules/patrol', 'src/modules/statistics', 'src/modules/audit',
      'src/modules/plan', 'src/modules/assessment/__tests__/seeded-kpi', 'src/modules/assessment/__tests__/patrol-kpi',
      'src/modules/inspection/__tests__/inspection.e2e', 'src/modules/case/__tests__/workflow.e2e', 'src/modules/case/__tests__/timeline',
      'src/auth/__tests__/credentials', 'src/auth/__tests__/principal-cache',
      // Periods that must have ended, sessions not yet held, past months, daily checkpoints.
      'src/modules/assessment/__tests__/assessment-closes', 'src/modules/training', 'src/modules/report', 'src/modules/chain',
      'src/modules/disclosure',
      // Answer limits, partners' own deadlines, webhook retries and disabling after days, Open311's default window.
      'src/modules/case/__tests__/complaints', 'src/modules/case/__tests__/joint-enforcement', 'src/modules/webhook', 'src/modules/open311',
      'src/modules/patrol/__tests__/latest-month',
      // The sweep's units of work, the rollups' "today so far", a backup's manifest time.
      'src/context/__tests__/unit-of-work', 'src/cli/backup',
    ],
  ],
  ['admin', ['e2e/patrols', 'e2e/dashboard', 'e2e/tasks', 'e2e/work-screens', 'e2e/supervision', 'e2e/field', 'e2e/assessment', 'e2e/training-report',
    'e2e/alert-inbox', 'e2e/complaint-answer', 'e2e/joint-enforcement', 'e2e/calendar', 'e2e/session-lapse', 'e2e/webhooks', 'e2e/workflow-english', 'e2e/map']],
];

const { values } = parseArgs({ options: { date: { type: 'string', multiple: true }, subset: { type: 'boolean', default: false } } });
const dates = values.date?.length ? values.date : DATES;
for (const date of dates) if (Number.isNaN(Date.parse(date))) throw new Error(`not an instant: ${date}`);

function ensureFaketime() {
  if (spawnSync('faketime', ['--version']).error === undefined) return;
  const rootUser = process.getuid?.() === 0;
  if (!rootUser && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    console.error('any-day: needs faketime (sudo apt-get install -y faketime)');
    process.exit(1);
  }
  const sudo = rootUser ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', 'faketime']]) {
    const [file, ...rest] = [...sudo, ...args];
    execFileSync(file, rest, { stdio: 'inherit', env });
  }
}

/** faketime's form of an instant: "yyyy-mm-dd hh:mm:ss" in UTC (TZ=UTC for the wrapper only). */
const faketimeStamp = (iso) => new Date(iso).toISOString().slice(0, 19).replace('T', ' ');

function runAt(date, command, args, cwd) {
  console.log(`\nany-day: ${date}: ${[command, ...args].join(' ')} (in ${cwd.slice(root.length + 1) || '.'})`);
  // The clock starts at the date and runs on at the real pace. Monotonic clocks shift with it:
  // Chromium hangs when only the wall clock moves (FAKETIME_DONT_FAKE_MONOTONIC).
  const result = spawnSync('faketime', [faketimeStamp(date), command, ...args], { cwd, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  return result.status === 0;
}

ensureFaketime();
const failed = [];
for (const date of dates) {
  if (!values.subset) {
    if (!runAt(date, 'npx', ['-y', 'pnpm@12.4.2', 'test'], root)) failed.push(`${date}: the suite`);
    continue;
  }
  for (const [pkg, files] of SUBSET) {
    const cwd = join(root, pkg);
    if (!existsSync(cwd)) throw new Error(`no package ${pkg}`);
    if (!runAt(date, join(cwd, 'node_modules', '.bin', 'jest'), ['--runInBand', ...files], cwd)) failed.push(`${date}: ${pkg}`);
  }
}
console.log(failed.length ? `\nany-day: failed at ${failed.join('; ')}` : `\nany-day: green at ${dates.join(', ')}`);
process.exit(failed.length ? 1 : 0);
