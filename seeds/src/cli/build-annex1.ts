import { writeFileSync } from 'node:fs';
import { ANNEX1_FILE, annex1ToCsv } from '../annex1/annex1-row';
import { buildAnnex1 } from '../annex1/build-annex1';
import { loadDivisions } from '../annex1/divisions';
import { dataFile } from '../data-dir';

/**
 * Regenerates data/hefei-annex1-illustrative.csv from data/hefei-divisions-2022.csv.
 * Usage: pnpm --filter @gridwatch/seeds build:annex1
 */
function main(): void {
  const rows = buildAnnex1(loadDivisions());
  const file = dataFile(ANNEX1_FILE);
  writeFileSync(file, annex1ToCsv(rows));
  const illustrative = rows.filter((r) => r.illustrative).length;
  console.log(`wrote ${rows.length} grids to ${file} (${illustrative} illustrative)`);
}

main();
