import type { Policy } from '../../auth/ability';

/**
 * Case statistics (`CaseStatistic`: counts of cases) are read by whoever reads cases, under the
 * same conditions: each rule that lets the principal read cases lets it read their counts.
 * The counts themselves are taken over the cases it may read (statistics.service.ts), so a
 * change to the case rules changes both at once. Composed after the case policy.
 */
export const statisticsPolicy: Policy = ({ can, rules }) => {
  const caseReads = rules.filter((rule) => !rule.inverted && rule.subject === 'Case' && [rule.action].flat().includes('read'));
  for (const rule of caseReads) can('read', 'CaseStatistic', rule.conditions ?? {});
};
