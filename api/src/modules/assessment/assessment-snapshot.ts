import { toGlobalId } from '../../common/global-id';
import { AssessmentIndicator } from './assessment-indicator.entity';
import { AssessmentSubjectType, UnrankedReason, type IndicatorUnit } from './assessment.enums';
import { evaluate, parseFormula } from './assessment-formula';
import { isMeasure, type SubjectScope } from './assessment-measures.sql';
import type { AssessmentRowData } from './assessment.types';

/**
 * What an assessment table is computed from: the measured counts per subject and the indicator
 * versions (formulas, weights inside them, sample rules) as they were. A live table builds one
 * from the record and today's indicators; a publication stores it, and its figures are
 * `rowsOf(snapshot)` forever: nothing later (cases, indicators) is read again.
 */
export interface AssessmentSnapshot {
  rankBy: string;
  indicators: SnapshotIndicator[];
  subjects: SnapshotSubject[];
}

export interface SnapshotIndicator {
  id: number;
  code: string;
  version: number;
  name: string;
  description: string;
  formula: string;
  unit: IndicatorUnit;
  subjectTypes: AssessmentSubjectType[];
  position: number;
  sampleMeasure: string | null;
  minSample: number | null;
  createdAt: string;
}

export interface SnapshotSubject {
  id: number;
  name: string;
  code: string;
  scope: SubjectScope;
  measures: Record<string, number>;
}

/** The global-id type of each kind of subject. */
export const SUBJECT_ID_TYPE: Record<AssessmentSubjectType, string> = {
  GRID_WORKER: 'GridWorker',
  OFFICER: 'Officer',
  GRID: 'Grid',
  TOWNSHIP: 'Grid',
  STREET: 'Street',
  COUNTY: 'Grid',
  DEPARTMENT: 'Department',
};

export function snapshotIndicator(i: AssessmentIndicator): SnapshotIndicator {
  return {
    id: i.id,
    code: i.code,
    version: i.version,
    name: i.name,
    description: i.description,
    formula: i.formula,
    unit: i.unit,
    subjectTypes: [...i.subjectTypes],
    position: i.position,
    sampleMeasure: i.sampleMeasure ?? null,
    minSample: i.minSample ?? null,
    createdAt: i.createdAt.toISOString(),
  };
}

/** The indicator version as the API shows it (not managed by the ORM: a frozen copy). */
export function indicatorOf(s: SnapshotIndicator): AssessmentIndicator {
  return Object.assign(new AssessmentIndicator(), { ...s, createdAt: new Date(s.createdAt), supersededAt: null });
}

/** A 街道 is assessed with the indicators of 乡镇街道 (the same level), or its own if named. */
export function appliesTo(indicator: { subjectTypes: AssessmentSubjectType[] }, type: AssessmentSubjectType): boolean {
  return indicator.subjectTypes.includes(type) || (type === AssessmentSubjectType.STREET && indicator.subjectTypes.includes(AssessmentSubjectType.TOWNSHIP));
}

/** Indicator values of one subject; formulas may read earlier-evaluated indicators (no cycles, checked on definition). */
function indicatorValues(indicators: SnapshotIndicator[], measures: Record<string, number>): Record<string, number | null> {
  const parsed = new Map(indicators.map((i) => [i.code, parseFormula(i.formula)]));
  const values: Record<string, number | null> = {};
  const resolve = (code: string, seen: Set<string>): number | null => {
    if (code in values) return values[code];
    const formula = parsed.get(code)!;
    const scope: Record<string, number | null> = {};
    for (const name of formula.variables) {
      if (isMeasure(name)) scope[name] = measures[name];
      else if (parsed.has(name) && !seen.has(name)) scope[name] = resolve(name, new Set([...seen, code]));
      else scope[name] = null;
    }
    return (values[code] = evaluate(formula, scope));
  };
  for (const indicator of indicators) resolve(indicator.code, new Set());
  return values;
}

interface Ranked extends AssessmentRowData {
  id: number;
  code: string;
}

/** Ties and the unranked in code order, then id order. */
const byCode = (a: Ranked, b: Ranked): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id);

/**
 * Competition ranking ("1, 2, 2, 4") by one indicator, highest first: equal values share the
 * rank. A row without a value, or below the indicator's minimum sample, is listed unranked with
 * the reason. Rows come ranked first (equal ranks by subject code, then id), then the unranked
 * by code.
 */
function rank(rows: Ranked[], by: SnapshotIndicator): Ranked[] {
  const ranked: Ranked[] = [];
  const unranked: Ranked[] = [];
  for (const row of rows) {
    if (row.values[by.code] == null) row.unrankedReason = UnrankedReason.NO_VALUE;
    else if (by.sampleMeasure && by.minSample != null && (row.measures[by.sampleMeasure] ?? 0) < by.minSample) row.unrankedReason = UnrankedReason.SAMPLE_TOO_SMALL;
    (row.unrankedReason ? unranked : ranked).push(row);
  }
  ranked.sort((a, b) => b.values[by.code]! - a.values[by.code]! || byCode(a, b));
  ranked.forEach((row, index) => {
    row.rank = index > 0 && ranked[index - 1].values[by.code] === row.values[by.code] ? ranked[index - 1].rank : index + 1;
  });
  return [...ranked, ...unranked.sort(byCode)];
}

/** Every subject's row (ranked among all of them), in table order. */
export function rowsOf(snapshot: AssessmentSnapshot, subjectType: AssessmentSubjectType): AssessmentRowData[] {
  const by = snapshot.indicators.find((i) => i.code === snapshot.rankBy);
  if (!by) throw new Error(`No indicator ${snapshot.rankBy} in the snapshot`);
  const rows = snapshot.subjects.map((s) => ({
    id: s.id,
    code: s.code,
    subjectId: toGlobalId(SUBJECT_ID_TYPE[subjectType], s.id),
    subjectName: s.name,
    rank: null,
    unrankedReason: null,
    values: indicatorValues(snapshot.indicators, s.measures),
    measures: s.measures,
  }));
  return rank(rows, by).map(({ id: _id, code: _code, ...row }) => row);
}
