import { Rng, WeightedPicker } from '../random';
import type { SupervisionLevelName } from '@gridwatch/domain';
import type { OfficerRecord } from './people';
import type { SourceRecord } from './sources';
import { SCOPE_COLUMNS, type TableData, countyKey, scopeCells, timestamp } from './table';
import type { SeedTimeline } from './timeline';

const BEIJING_MS = 8 * 3_600_000;

// Key sources are visited most (the frequency table: KEY monthly, SPECIAL every two months,
// GENERAL quarterly); the weights give each level about that share of the visits.
const LEVEL_WEIGHT: Readonly<Record<SupervisionLevelName, number>> = { KEY: 6, SPECIAL: 3, GENERAL: 1 };
const PROBLEM_SHARE = 0.12;

const COMPLIANT_FINDINGS = [
  '污染防治设施正常运行, 台账齐全',
  '现场无异味, 废水经处理后排放',
  '工地围挡完整, 裸土已覆盖, 车辆冲洗到位',
  '油烟净化设施运行正常, 清洗记录齐全',
  '未发现环境违法行为',
];
const PROBLEM_FINDINGS = [
  '废气收集设施未开启, 责令立即整改',
  '危险废物贮存不规范, 标识缺失',
  '裸土未覆盖, 出场车辆未冲洗',
  '油烟净化设施未清洗, 存在油烟直排',
  '雨污未分流, 废水外溢',
];

export interface InspectionRecord {
  id: number;
  source: SourceRecord;
  officer: OfficerRecord | null;
  day: string;
  problem: boolean;
  findings: string;
}

/**
 * `count` inspections of the sources that operate (ACTIVE, SUSPENDED), each on a source
 * picked by its level's weight, by one of its county's officers, on a random day. The count
 * is the profile's, whatever the seed; calling it again yields the same rows.
 */
export function* inspectionRecords(
  sources: () => Iterable<SourceRecord>,
  officers: readonly OfficerRecord[],
  count: number,
  seed: number,
  timeline: SeedTimeline,
): Generator<InspectionRecord> {
  if (count === 0) return;
  // Inspections fall on the days of the case window, so the overdue list of the anchor day has
  // both sources kept up and sources long overdue.
  const firstDayMs = Date.parse(`${timeline.inspectionsFrom}T00:00:00Z`);
  const operating = [...sources()].filter((s) => s.status === 'ACTIVE' || s.status === 'SUSPENDED');
  const picker = new WeightedPicker(operating.map((s) => [s, LEVEL_WEIGHT[s.supervisionLevel]] as const));
  const byCounty = new Map<number, OfficerRecord[]>();
  for (const o of officers) if (o.employer.level === 'COUNTY') byCounty.set(o.employer.id, [...(byCounty.get(o.employer.id) ?? []), o]);
  const rng = Rng.derive(seed, 'inspections');
  for (let i = 0; i < count; i++) {
    const source = picker.pick(rng);
    const staff = source.grid.countyId === null ? undefined : byCounty.get(source.grid.countyId);
    const problem = rng.chance(PROBLEM_SHARE);
    yield {
      id: i + 1,
      source,
      officer: staff?.length ? rng.pick(staff) : null,
      day: new Date(firstDayMs + rng.int(0, timeline.inspectionDays) * 86_400_000).toISOString().slice(0, 10),
      problem,
      findings: rng.pick(problem ? PROBLEM_FINDINGS : COMPLIANT_FINDINGS),
    };
  }
}

export function inspectionTable(count: number, records: () => Iterable<InspectionRecord>): TableData {
  return {
    table: 'inspection',
    columns: [
      'id', ...SCOPE_COLUMNS, 'source_id', 'grid_id', 'inspected_on', 'supervision_level', 'result', 'findings', 'officer_id',
      'inspector_name', 'recorded_by_id', 'recorded_at', 'case_ids', 'county_key',
    ],
    count,
    *rows() {
      for (const r of records()) {
        // Recorded at 17:00 Beijing on the day of the visit.
        const recordedMs = Date.parse(`${r.day}T00:00:00Z`) - BEIJING_MS + 17 * 3_600_000;
        yield [
          r.id, ...scopeCells(r.source.grid), r.source.id, r.source.grid.id, r.day, r.source.supervisionLevel,
          r.problem ? 'PROBLEM_FOUND' : 'COMPLIANT', r.findings, r.officer?.id ?? null, r.officer?.name ?? '市环境监察支队',
          null, timestamp(recordedMs), '{}', countyKey(r.source.grid),
        ];
      }
    },
  };
}
