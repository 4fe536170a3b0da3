/**
 * Moving a grid under another parent: the scope columns of everything below it and attached to
 * it rewritten, one update per tenant table. The moved grid is checked against the caller's
 * rules (assertCan) before any update; the updates name their rows by the grid's id and run in
 * the caller's transaction, where row-level security bounds them to the caller's territory.
 */

import type { EntityManager } from '@mikro-orm/postgresql';
import { GridKind, GridLevel } from '../../common/enums';
import { BadInputError } from '../../common/errors';
import { assertCan } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { levelBelow } from '@gridwatch/domain';
import type { Grid } from './grid.entity';

/**
 * Tables carrying scope columns, with the condition that ties a row to a village-level unit.
 * case_event is not among them: events are history, attributed (and hash-chained) to the
 * unit they happened in, and never rewritten.
 */
const scopedTables: { table: string; village: string }[] = [
  { table: 'grid', village: 'id = ?' },
  { table: 'department', village: 'unit_id = ?' },
  { table: 'officer', village: 'employer_unit_id = ?' },
  { table: 'grid_worker', village: 'employer_unit_id = ?' },
  { table: 'account', village: 'unit_id = ?' },
  { table: 'api_key', village: 'unit_id = ?' },
  { table: 'pollution_source', village: 'grid_id = ?' },
  { table: '"case"', village: 'grid_id = ?' },
  { table: 'case_assignment', village: 'case_id in (select id from "case" where grid_id = ?)' },
  { table: 'case_alert', village: 'grid_id = ?' },
  { table: 'case_evidence', village: 'grid_id = ?' },
];

const levelColumn: Partial<Record<GridLevel, string>> = {
  [GridLevel.COUNTY]: 'county_id',
  [GridLevel.TOWNSHIP]: 'township_id',
};

/**
 * Moves a grid under a new parent of the level above and rewrites the scope columns of
 * everything below it and attached to it, in the caller's transaction. The moved grid
 * must stay inside what the caller may update: a county cannot give a township away.
 */
export async function rescopeSubtree(ctx: RequestContext, em: EntityManager, grid: Grid, parent: Grid): Promise<void> {
  if (levelBelow(parent.level) !== grid.level || (grid.kind === GridKind.URBAN_MANAGEMENT && parent.level !== GridLevel.COUNTY)) {
    throw new BadInputError('A grid can only move under a grid of the level just above it', [
      { field: 'parentId', message: 'wrong level' },
    ]);
  }
  grid.parentId = parent.id;
  grid.cityId = parent.cityId;
  if (grid.level !== GridLevel.COUNTY) grid.countyId = parent.countyId;
  if (grid.level === GridLevel.VILLAGE) grid.townshipId = parent.townshipId;
  assertCan(ctx, 'update', grid);

  const column = levelColumn[grid.level];
  for (const { table, village } of scopedTables) {
    if (grid.level === GridLevel.VILLAGE) {
      await em.execute(`update ${table} set city_id = ?, county_id = ?, township_id = ? where ${village}`, [
        grid.cityId,
        grid.countyId,
        grid.townshipId,
        grid.id,
      ]);
    } else if (column) {
      await em.execute(`update ${table} set city_id = ?, county_id = ? where ${column} = ?`, [grid.cityId, grid.countyId, grid.id]);
    }
  }
}
