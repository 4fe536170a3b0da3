// From the domain package: case/ (which registers them with GraphQL) sits above deadline/.
import { CaseOrigin, CaseUrgency } from '@gridwatch/domain';
import type { GridLevel } from '../../common/enums';
import { CaseComplexity, DeadlineStep, LimitUnit } from './deadline.enums';

export interface LimitRule {
  step: DeadlineStep;
  origin?: CaseOrigin | null;
  categoryId?: number | null;
  urgency?: CaseUrgency | null;
  complexity?: CaseComplexity | null;
  /** The level of the unit the case waits on (分级时限); empty: every level. */
  level?: GridLevel | null;
  amount: number;
  unit: LimitUnit;
}

export interface LimitKey {
  step: DeadlineStep;
  origin: CaseOrigin;
  categoryId: number;
  urgency: CaseUrgency;
  complexity: CaseComplexity;
  level?: GridLevel | null;
}

const { FILE, LOCAL, DISPATCH, HANDLE, VERIFY, ANSWER } = DeadlineStep;
const { WORKING_DAYS, HOURS, SAME_DAY } = LimitUnit;

/**
 * The shipped defaults (the local ladders of domain.md; the rows marked "ours" are our
 * choice where the sources give no figure). City rows override any of them.
 */
// prettier-ignore
export const DEFAULT_TIME_LIMITS: readonly LimitRule[] = [
  { step: FILE,     amount: 1,  unit: WORKING_DAYS },                                  // ours
  { step: FILE,     origin: CaseOrigin.INSTRUCTION, amount: 24, unit: HOURS },          // 上级批示交办: 24 h
  { step: FILE,     origin: CaseOrigin.TRANSFER,    amount: 24, unit: HOURS },          // 其他单位移送: 24 h
  { step: FILE,     urgency: CaseUrgency.EMERGENCY, amount: 0,  unit: SAME_DAY },       // 突发: 当日
  { step: DISPATCH, amount: 1,  unit: WORKING_DAYS },                                  // ours
  { step: DISPATCH, urgency: CaseUrgency.EMERGENCY, amount: 0, unit: SAME_DAY },
  { step: LOCAL,    amount: 3,  unit: WORKING_DAYS },                                  // ours: 本级限时办结
  { step: LOCAL,    urgency: CaseUrgency.EMERGENCY, amount: 0, unit: SAME_DAY },
  { step: HANDLE,   amount: 5,  unit: WORKING_DAYS },                                  // 一般 5 个工作日
  { step: HANDLE,   complexity: CaseComplexity.COMPLEX, amount: 10, unit: WORKING_DAYS }, // 复杂 10
  { step: HANDLE,   complexity: CaseComplexity.SPECIAL, amount: 15, unit: WORKING_DAYS }, // 特殊 15
  { step: HANDLE,   urgency: CaseUrgency.EMERGENCY, amount: 0, unit: SAME_DAY },        // 突发: 当日
  { step: VERIFY,   amount: 2,  unit: WORKING_DAYS },                                  // ours
  { step: ANSWER,   origin: CaseOrigin.COMPLAINT, amount: 13, unit: WORKING_DAYS },     // 投诉 13 个工作日内答复
];

const KEYS = ['origin', 'categoryId', 'urgency', 'complexity', 'level'] as const;

/** A rule applies when each of its keys is empty or equal; more keys set = more specific. */
function specificity(rule: LimitRule, key: LimitKey): number {
  if (rule.step !== key.step) return -1;
  let score = 0;
  for (const k of KEYS) {
    const value = rule[k];
    if (value == null) continue;
    if (value !== key[k]) return -1;
    score += 1;
  }
  return score;
}

/**
 * The limit for a case's step: the most specific matching rule; at equal specificity a city
 * row beats a default, then the shortest limit wins (an emergency beats a complex case).
 */
export function resolveLimit(cityRules: readonly LimitRule[], key: LimitKey): LimitRule | null {
  const candidates = [...cityRules.map((rule) => ({ rule, city: 0 })), ...DEFAULT_TIME_LIMITS.map((rule) => ({ rule, city: 1 }))]
    .map((c) => ({ ...c, score: specificity(c.rule, key) }))
    .filter((c) => c.score >= 0)
    .sort((a, b) => b.score - a.score || a.city - b.city || rank(a.rule) - rank(b.rule));
  return candidates[0]?.rule ?? null;
}

const unitRank: Record<LimitUnit, number> = { SAME_DAY: 0, HOURS: 1, WORKING_DAYS: 2 };
function rank(rule: LimitRule): number {
  return unitRank[rule.unit] * 1000 + rule.amount;
}
