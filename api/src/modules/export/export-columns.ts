import type { BaseEntity, ScopedEntity } from '../../common/base.entity';
import { loadVisible } from '../../data/records';
import { Grid } from '../grid/grid.entity';
import type { ExportColumn } from './export-list';

// Columns several lists share. Related rows come through the request's loaders, so a batch of
// 1,000 rows costs one statement per related type, not one per row.

/**
 * The record's opaque API id, last: a clerk reads the row by its own number or name first; the
 * id is there so an edited file can be imported back onto the same records.
 */
export function idColumn<T extends BaseEntity>(): ExportColumn<T> {
  return { key: 'id', zh: '系统标识', en: 'System ID', value: (row) => row.globalId };
}

/** A grid's code or name, from a grid id on the row (out-of-scope grids stay empty). */
export function gridColumn<T>(
  key: string,
  zh: string,
  en: string,
  gridId: (row: T) => number | null | undefined,
  field: 'code' | 'name',
): ExportColumn<T> {
  return { key, zh, en, value: async (row, ctx) => (await loadVisible(ctx, Grid, gridId(row)))?.[field] ?? null };
}

/** 县区 and 乡镇街道 of a tenant row, from its scope columns. */
export function unitColumns<T extends ScopedEntity>(): ExportColumn<T>[] {
  return [
    gridColumn<T>('county', '县区', 'County', (row) => row.countyId, 'name'),
    gridColumn<T>('township', '乡镇街道', 'Township', (row) => row.townshipId, 'name'),
  ];
}
