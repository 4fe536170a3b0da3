import type { Policy } from '../../auth/ability';
import { territory } from '../../auth/territory';

/** Evidence is read where the case's timeline is read; attaching it needs a duty on the case (evidence.service). */
export const evidencePolicy: Policy = ({ can }, p) => {
  for (const where of territory(p, 'attached')) can('read', 'CaseEvidence', where);
};
