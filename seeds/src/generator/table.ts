/** A value of one column in COPY text format; null is SQL NULL. */
export type Cell = string | number | boolean | null;

/** One table to load: its columns in COPY order, the exact row count and a lazy row source. */
export interface TableData {
  table: string;
  columns: readonly string[];
  count: number;
  /** Rows are produced on demand so million-row tables are never held in memory. */
  rows(): Iterable<Cell[]>;
  /** Tables counted from this one's rows as they pass (the case rollups), loaded right after it. */
  derived?: TableData[];
}

/** The scope columns (city_id, county_id, township_id) a row copies from its unit. */
export interface Scope {
  cityId: number;
  countyId: number | null;
  townshipId: number | null;
}

/** created_at, updated_at and version of rows edited through the api; version starts at 1. */
export const VERSIONED_COLUMNS = ['version', 'created_at', 'updated_at'] as const;
export const SCOPE_COLUMNS = ['city_id', 'county_id', 'township_id'] as const;

/**
 * The shard key (county_key, api Migration20261210020000_county_key): the county of the row's
 * territory, or its city. Rows that belong to another (an event to its case) share its grid
 * here, so their own territory gives the same key the api's trigger would take from the parent.
 */
export function countyKey(scope: Scope): number {
  return scope.countyId ?? scope.cityId;
}

export function scopeCells(scope: Scope): Cell[] {
  return [scope.cityId, scope.countyId, scope.townshipId];
}

const DAY_MS = 86_400_000;
let cachedDay = Number.NaN;
let cachedDate = '';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The same text as `new Date(ms).toISOString()`, formatting only the time of day when the
 * date repeats: rows come in time order, and this is the hot spot of the million-row tables.
 */
export function timestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const t = ms - day * DAY_MS;
  const seconds = Math.floor(t / 1000);
  return `${cachedDate}${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${pad(t % 1000, 3)}Z`;
}

export function versionedCells(createdMs: number): Cell[] {
  const at = timestamp(createdMs);
  return [1, at, at];
}
