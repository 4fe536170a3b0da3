import type { RaRecord } from 'react-admin';
import { flatten, type ResourceSpec } from '../../data/spec';

const row = `id name startsOn endsOn industries levels inspectionFactor patrolFactor active version unit { id name } units { id name code }`;

/** 重大活动/敏感时期: the update takes the whole input plus the expected version. */
export const sensitivePeriodSpec: ResourceSpec = {
  list: 'sensitivePeriods',
  one: 'sensitivePeriod',
  listFields: () => row,
  toRecord: (node): RaRecord => ({ ...flatten(node, ['unit']), gridIds: ((node.units ?? []) as { id: string }[]).map((u) => u.id) }),
  create: 'createSensitivePeriod',
  update: 'updateSensitivePeriod',
  wholeInput: true,
};
