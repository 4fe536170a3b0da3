import type { MongoQuery } from '@casl/ability';
import type { Policy, RuleBuilder } from '../../auth/ability';
import { readsAs, territory } from '../../auth/territory';
import { ApiKeyScope } from '../../common/api-key-scope';
import { CaseOrigin } from './case.enums';
import { Role } from '../../common/enums';
import type { Principal } from '../../context/principal';

/** Complainants' identities are shown only to those who take and answer complaints. */
export const CASE_SENSITIVE_FIELDS = ['complainantName', 'complainantPhone'];

const reporters = new Set<Role>([
  Role.CITY_ADMIN,
  Role.CITY_INSPECTOR,
  Role.PLATFORM_OPERATOR,
  Role.COUNTY_ADMIN,
  Role.OFFICER,
  Role.TOWNSHIP_ADMIN,
  Role.GRID_WORKER,
]);
const complaintHandlers = new Set<Role>([Role.CITY_ADMIN, Role.PLATFORM_OPERATOR, Role.COUNTY_ADMIN]);
/** The unit administrations that dispatch where their unit has no platform. */
const unitAdmins = new Set<Role>([Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN]);
const departmentRoles = new Set<Role>([Role.CITY_DEPARTMENT, Role.COUNTY_DEPARTMENT]);

/**
 * The dispatcher of a case: the platform's operators where the handling unit has a platform,
 * the unit's own administration where it has none (无数字化城管平台).
 */
function dispatcher(p: Principal): MongoQuery | null {
  if (p.role === Role.PLATFORM_OPERATOR) return { handlingUnitId: p.unitId, viaPlatform: true };
  if (unitAdmins.has(p.role)) return { handlingUnitId: p.unitId, viaPlatform: false };
  return null;
}

export const casePolicy: Policy = ({ can, cannot }, p) => {
  const departmentRole = departmentRoles.has(p.role);
  for (const where of territory(p, 'attached')) {
    if (readsAs(p, ApiKeyScope.READ_CASES)) {
      // Departments see the cases of their own field only (and those they lead, below).
      can('read', 'Case', departmentRole ? { ...where, field: p.departmentField } : where);
      // Events carry no field: departments read them only through a case they may see, never the feed.
      if (!departmentRole) can('read', 'CaseEvent', where);
      can('read', 'CaseAssignment', where);
    }
    if (reporters.has(p.role)) can('create', 'Case', where);
    // A third-party platform files complaints (群众投诉) from its channel, nothing else.
    if (p.role === Role.API_CLIENT && p.apiScopes.includes(ApiKeyScope.CREATE_COMPLAINTS)) {
      can('create', 'Case', { ...where, origin: CaseOrigin.COMPLAINT });
    }
    // 答复: those who take complaints answer them (the workflow table says which cases, and when).
    if (complaintHandlers.has(p.role)) can('answer', 'Case', where);
    // 核实: the grid worker (or officer) of the case's grid checks on site.
    if (p.role === Role.GRID_WORKER || p.role === Role.OFFICER) can('verify', 'Case', where);
  }

  const dispatches = dispatcher(p);
  if (dispatches) {
    // 立卷/注销, 派遣, 挂账, 综合评价, and the first extension (延期).
    // The dispatcher also records the grid worker's on-site check (核实结果反馈至平台).
    can(['file', 'dispatch', 'evaluate', 'verify'], 'Case', dispatches);
    can('approveExtension', 'Case', { ...dispatches, extensionCount: 0 });
  }
  if (unitAdmins.has(p.role)) {
    // No platform: what this level cannot handle goes up one level (the workflow refuses at the city).
    can('escalate', 'Case', { handlingUnitId: p.unitId, viaPlatform: false });
    // A second (or later) extension needs the unit above the dispatcher.
    can('approveExtension', 'Case', { handlingParentId: p.unitId, extensionCount: { $gte: 1 } });
  }
  // 任务处理: the lead department handles; a township handles at its own level through its office.
  if (departmentRole && p.departmentId != null) {
    can('read', 'Case', { leadDepartmentId: p.departmentId });
    can('handle', 'Case', { leadDepartmentId: p.departmentId });
    // 联合执法: a partner reads the case it is dispatched to (an `exists` over the assignments in
    // SQL, on every read path) and works its own active assignment; the case's steps stay the lead's.
    can('read', 'Case', { assignmentRows: { $some: { departmentId: p.departmentId, active: true } } });
    can('assist', 'CaseAssignment', { departmentId: p.departmentId, active: true, lead: false });
  }
  if (p.role === Role.TOWNSHIP_ADMIN) can('handle', 'Case', { handlingUnitId: p.unitId, viaPlatform: false });
  // 重新办理: only the city reopens a closed or cancelled case.
  if (p.role === Role.CITY_ADMIN) can('reopen', 'Case', { cityId: p.unitId });

  if (!complaintHandlers.has(p.role)) cannot('read', 'Case', CASE_SENSITIVE_FIELDS);
};

/** The deadline scheduler: it escalates no-platform cases whose local limit has passed, nothing else. */
export function schedulerCasePolicy({ can }: RuleBuilder): void {
  can('read', 'Case');
  can('escalate', 'Case', { viaPlatform: false });
}
