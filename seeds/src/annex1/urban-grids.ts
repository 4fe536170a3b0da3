import type { Annex1Row } from './annex1-row';
import type { Division } from './divisions';

/**
 * Splits `total` in proportion to `weights` by the largest-remainder method; ties go to the
 * earlier entry, so the result depends only on the order of the input.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    shares[i] += 1;
  }
  return shares;
}

/**
 * The urban management grids of one urban unit: `count` grids spread evenly over its streets
 * in code order, each named after the street with a sequence, coded street code + 2 digits.
 */
export function urbanGrids(unitCode12: string, streets: readonly Division[], count: number): Annex1Row[] {
  const perStreet = apportion(count, streets.map(() => 1));
  const rows: Annex1Row[] = [];
  streets.forEach((street, s) => {
    for (let seq = 1; seq <= perStreet[s]; seq++) {
      rows.push({
        code: street.code + String(seq).padStart(2, '0'),
        name: `${street.name}第${seq}网格`,
        level: 'TOWNSHIP',
        kind: 'URBAN_MANAGEMENT',
        parentCode: unitCode12,
        illustrative: true,
      });
    }
  });
  return rows;
}
