/**
 * The grid module's hand-written SQL outside a move (grid-rescope.sql.ts): the statements of the
 * grid division import, which reads every stored grid and inserts or updates grids by code. The
 * import is an operator's tool (cli/import-grids): it runs on the owner's connection, outside
 * row-level security, over the whole grid; a new grid takes its scope columns from its parent.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GridKind, GridLevel } from '../../common/enums';

/** A grid as the import reads and writes it. */
export interface StoredGrid {
  id: number;
  code: string;
  name: string;
  level: GridLevel;
  kind: GridKind;
  parent_id: number | null;
  illustrative: boolean;
  city_id: number;
  county_id: number | null;
  township_id: number | null;
}

export function storedGrids(em: EntityManager): Promise<StoredGrid[]> {
  return em.execute<StoredGrid[]>('select id, code, name, level, kind, parent_id, illustrative, city_id, county_id, township_id from grid');
}

/** A grid's name, kind and illustrative flag, as a new version of the row. */
export async function updateGridRow(em: EntityManager, id: number, grid: Pick<StoredGrid, 'name' | 'kind' | 'illustrative'>): Promise<void> {
  await em.execute('update grid set name = ?, kind = ?, illustrative = ?, version = version + 1, updated_at = now() where id = ?', [grid.name, grid.kind, grid.illustrative, id]);
}

export async function insertGridRow(em: EntityManager, grid: StoredGrid): Promise<void> {
  await em.execute(
    `insert into grid (id, code, name, level, kind, parent_id, illustrative, city_id, county_id, township_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [grid.id, grid.code, grid.name, grid.level, grid.kind, grid.parent_id, grid.illustrative, grid.city_id, grid.county_id, grid.township_id],
  );
}
