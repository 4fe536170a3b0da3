import type { Policy } from '../../auth/ability';
import { territory } from '../../auth/territory';

/** 催办/督办/通报 are read where the case's timeline is read. */
export const supervisionPolicy: Policy = ({ can }, p) => {
  for (const where of territory(p, 'attached')) can('read', 'CaseAlert', where);
};
