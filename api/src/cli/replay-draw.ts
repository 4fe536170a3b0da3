import { runOwnerCli } from './owner-cli';
import { fromGlobalId, toGlobalId } from '../common/global-id';
import { replayRecordedDraw } from '../modules/spot-check/spot-check-draw.service';
import { SpotCheckDraw } from '../modules/spot-check/spot-check.entity';

const usage = 'usage: pnpm --filter @gridwatch/api replay:draw <campaign id (global or numeric)> [draw number]';

/** The internal id from a global id (`SpotCheckCampaign:7` in base64url) or a plain number. */
function campaignKey(arg: string): number | null {
  if (/^\d+$/.test(arg)) return Number(arg);
  try {
    return fromGlobalId('SpotCheckCampaign', arg);
  } catch {
    return null;
  }
}

/**
 * Recomputes a spot-check draw from its recorded seed and snapshots, outside the API, and
 * prints the recomputed sources and inspectors with `matches`. Exit code 1 when it differs.
 * The same function serves the `replayDraw` query.
 */
function main(): void {
  const [campaignArg, drawArg] = process.argv.slice(2);
  const campaignId = campaignArg ? campaignKey(campaignArg) : null;
  if (campaignId == null || (drawArg != null && !/^\d+$/.test(drawArg))) {
    console.error(usage);
    process.exit(2);
  }
  return runOwnerCli(async (orm) => {
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
  });
}

main();
