import type { MongoQuery } from '@casl/ability';
import { GridLevel, Role } from '../common/enums';
import type { ApiKeyScope } from '../common/api-key-scope';
import type { Principal } from '../context/principal';

/**
 * The territory (属地) of a principal as CASL conditions, one list entry per OR-ed rule.
 * Two shapes: for grid rows the grid's own id is the village-level key; for rows attached
 * to a grid (sources, cases, ...) it is `gridId`. Officers and grid workers reach the grids
 * they are attached to (and what lies below an attached level-3 grid); everyone else their
 * unit's subtree.
 */
export function territory(principal: Principal, shape: 'grid' | 'attached'): MongoQuery[] {
  const idKey = shape === 'grid' ? 'id' : 'gridId';
  if (principal.role === Role.GRID_WORKER || principal.role === Role.OFFICER) {
    const conditions: MongoQuery[] = [{ [idKey]: { $in: principal.assignedGridIds } }];
    if (principal.assignedTownshipIds.length) conditions.push({ townshipId: { $in: principal.assignedTownshipIds } });
    return conditions;
  }
  return [unitSubtree(principal, idKey)];
}

/** "This unit and everything below it": one equality on the column of the unit's level. */
export function unitSubtree(principal: Principal, villageKey: string): MongoQuery {
  return subtree(principal.unitLevel, principal.unitId, villageKey);
}

/**
 * The one notion of a unit's subtree (属地): the unit at `level` with id `unit` and everything
 * below it, as an equality on the scope column of that level (`county_id = 7`); `villageKey`
 * is the column that ties a row to a village (`id` for grids, `gridId` for rows on a grid).
 */
export function subtree(level: GridLevel, unit: number, villageKey: string): MongoQuery {
  switch (level) {
    case GridLevel.CITY:
      return { cityId: unit };
    case GridLevel.COUNTY:
      return { countyId: unit };
    case GridLevel.TOWNSHIP:
      return { townshipId: unit };
    case GridLevel.VILLAGE:
      return { [villageKey]: unit };
  }
}

/** People read what their role reads; an API client only what its key's scopes name. */
export function readsAs(principal: Principal, scope: ApiKeyScope): boolean {
  return principal.role !== Role.API_CLIENT || principal.apiScopes.includes(scope);
}
