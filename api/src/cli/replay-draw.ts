import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { toGlobalId } from '../common/global-id';
import { migrate, openDatabase } from '../db/database';
import { ormConfig } from '../db/orm.config';
import { replayRecordedDraw } from '../modules/spot-check/spot-check-draw.service';
import { SpotCheckDraw } from '../modules/spot-check/spot-check.entity';

const usage = 'usage: pnpm --filter @gridwatch/api replay:draw <campaign id (global or numeric)> [draw number]';

/** The internal id from a global id (`SpotCheckCampaign:7` in base64url) or a plain number. */
function campaignKey(arg: string): number | null {
  if (/^\d+$/.test(arg)) return Number(arg);
  const [type, raw] = Buffer.from(arg, 'base64url').toString('utf8').split(':');
  return type === 'SpotCheckCampaign' && /^\d+$/.test(raw ?? '') ? Number(raw) : null;
}

/**
 * Recomputes a spot-check draw from its recorded seed and snapshots, outside the API, and
 * prints the recomputed sources and inspectors with `matches`. Exit code 1 when it differs.
 * The same function serves the `replayDraw` query.
 */
async function main(): Promise<number> {
  const [campaignArg, drawArg] = process.argv.slice(2);
  const campaignId = campaignArg ? campaignKey(campaignArg) : null;
  if (campaignId == null || (drawArg != null && !/^\d+$/.test(drawArg))) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: () => undefined });
  await migrate(database.url);
  const orm = await MikroORM.init(ormConfig(database.url));
  try {
    const draws = await orm.em.fork().find(SpotCheckDraw, { campaignId }, { orderBy: { drawNo: 'desc' } });
    const draw = drawArg ? draws.find((d) => d.drawNo === Number(drawArg)) : draws[0];
    if (!draw) {
      console.error(`no draw ${drawArg ?? '(any)'} of campaign ${campaignArg}`);
      return 2;
    }
    const replay = replayRecordedDraw(draw);
    const output = {
      campaignId: toGlobalId('SpotCheckCampaign', campaignId),
      drawNo: draw.drawNo,
      seed: draw.seed,
      algorithm: draw.algorithm,
      populationSize: draw.population.length,
      snapshotDigest: draw.snapshotHash,
      snapshotMatches: replay.hashMatches,
      matches: replay.matches,
      sources: replay.sources.map((s) => ({
        sourceId: toGlobalId('PollutionSource', s.sourceId),
        stratum: s.stratum,
        inspectorIds: s.inspectorIds.map((id) => toGlobalId('Officer', id)),
      })),
    };
    console.log(JSON.stringify(output, null, 2));
    return replay.matches ? 0 : 1;
  } finally {
    await orm.close(true);
    await database.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
