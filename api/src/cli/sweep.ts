import { StartedClock, systemClock } from '../common/clock';
import { loadConfig } from '../config';
import { sweepDeadlines } from '../modules/supervision/deadline-sweep.service';
import { runAsSystem } from '../context/unit-of-work';
import { runOwnerCli } from './owner-cli';

/**
 * `pnpm sweep`: one deadline sweep now, over every city (催办, 督办, 通报, and the automatic
 * escalation of no-platform cases past their local limit), on DATABASE_URL or the embedded
 * database, at the server's clock (CLOCK_START when set). The same idempotent pass as the
 * scheduled job, so running both, or this twice, raises each alert and escalation once.
 */
runOwnerCli(async (orm) => {
  const start = loadConfig().clockStart;
  const clock = start ? new StartedClock(start) : systemClock;
  const result = await runAsSystem(orm, clock, sweepDeadlines, { unitPerStep: true });
  console.log(`deadline sweep at ${clock.now().toISOString()}: ${result.alerts} alerts raised, ${result.escalated} cases escalated`);
  return 0;
});
