import type { Policy } from '../../auth/ability';
import { unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';

const administrations = new Set<Role>([Role.CITY_ADMIN, Role.COUNTY_ADMIN]);

/**
 * Webhook endpoints are registered, read and replayed by the city's and the counties'
 * administrators, for their own subtree (as API keys are); the delivery log is theirs too.
 */
export const webhookPolicy: Policy = ({ can }, p) => {
  if (!administrations.has(p.role)) return;
  const subtree = unitSubtree(p, 'unitId');
  can(['read', 'create', 'update'], 'WebhookEndpoint', subtree);
  can('read', 'WebhookDelivery', subtree);
  // What the system did to their endpoints on its own (disabled after days of failures).
  can('read', 'OwnerAlert', subtree);
};
