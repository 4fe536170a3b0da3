import type { Policy } from '../../auth/ability';
import { unitSubtree } from '../../auth/territory';
import { GridLevel, Role } from '../../common/enums';

/** Who audits which level (督查/稽查 goes one level down). */
const auditsLevel: Partial<Record<Role, GridLevel>> = {
  [Role.CITY_ADMIN]: GridLevel.COUNTY,
  [Role.CITY_INSPECTOR]: GridLevel.COUNTY,
  [Role.COUNTY_ADMIN]: GridLevel.TOWNSHIP,
};
/** The administrations that answer an audit of their unit. */
const audited = new Set<Role>([Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN]);

/**
 * Audits are read by the unit administrations above and at the audited unit (their rows
 * carry its scope). The auditor samples, scores, issues findings and closes
 * recommendations; the audited unit's administration only writes its response.
 */
export const auditPolicy: Policy = ({ can }, p) => {
  const level = auditsLevel[p.role];
  if (!level && !audited.has(p.role)) return;
  const subtree = unitSubtree(p, 'auditedUnitId');
  can('read', ['Audit', 'AuditSample', 'AuditRecommendation'], subtree);
  if (level) {
    can('create', 'Audit', { ...subtree, auditorUnitId: p.unitId, auditedLevel: level });
    can('update', ['Audit', 'AuditRecommendation'], { auditorUnitId: p.unitId });
  }
  if (audited.has(p.role)) can('update', 'AuditRecommendation', ['response'], { auditedUnitId: p.unitId });
};
