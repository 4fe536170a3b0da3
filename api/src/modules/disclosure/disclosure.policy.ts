import type { Policy } from '../../auth/ability';
import { Role } from '../../common/enums';

/** The city decides what is public; the public read itself needs no one (@Public, rate-limited). */
export const disclosurePolicy: Policy = ({ can }, p) => {
  if (p.role === Role.CITY_ADMIN) can(['read', 'update'], 'DisclosureSetting');
};
