import type { AppAbility } from '../../auth/ability';
import type { UnitScope } from '../../common/base.entity';
import { GridLevel } from '../../common/enums';

/** A unit's subtree: the unit's level and id. */
export interface SubtreeScope {
  level: GridLevel;
  id: number;
}

const levelOfKey: Record<string, GridLevel> = {
  cityId: GridLevel.CITY,
  countyId: GridLevel.COUNTY,
  townshipId: GridLevel.TOWNSHIP,
  gridId: GridLevel.VILLAGE,
};

/**
 * The caller's read scope on cases when it is exactly one unit's subtree (one rule, one
 * equality on a scope column: `countyId = 7`), the shape the rollups are kept in; null for
 * anything else (a department's field, a partner's assignments, a grid worker's grids, no
 * condition at all), which the live query answers. Field-only restrictions (hidden
 * complainant fields) do not change what is counted.
 */
export function readScopeUnit(ability: AppAbility): SubtreeScope | null {
  const rules = ability.rulesFor('read', 'Case');
  if (rules.some((rule) => rule.inverted && !rule.fields)) return null;
  const allowing = rules.filter((rule) => !rule.inverted);
  if (allowing.length !== 1 || allowing[0].fields) return null;
  const entries = Object.entries(allowing[0].conditions ?? {});
  if (entries.length !== 1) return null;
  const [key, value] = entries[0];
  const level = levelOfKey[key];
  return level && typeof value === 'number' ? { level, id: value } : null;
}

/** Whether the unit (its id and scope columns) lies in the subtree. */
export function unitInside(subtree: SubtreeScope, unitId: number, scope: UnitScope): boolean {
  if (unitId === subtree.id) return true;
  switch (subtree.level) {
    case GridLevel.CITY:
      return scope.cityId === subtree.id;
    case GridLevel.COUNTY:
      return scope.countyId === subtree.id;
    case GridLevel.TOWNSHIP:
      return scope.townshipId === subtree.id;
    case GridLevel.VILLAGE:
      return false;
  }
}
