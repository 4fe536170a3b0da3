import type { RaRecord, SortPayload } from 'react-admin';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Filter = Record<string, unknown>;
export type Node = Record<string, unknown> & { id: string };

/**
 * How one react-admin resource maps onto the API: the query fields, the selections, and the
 * few conversions between react-admin's flat records and the API's nested objects. Argument
 * and input types are read from the schema (introspection), never repeated here.
 */
export interface ResourceSpec {
  /** The connection query, e.g. `cases`; a plain list when `plainList`. */
  list: string;
  /** The lookup by id, e.g. `case`. */
  one?: string;
  plainList?: boolean;
  /** Selection of a list row and of the detail; functions so sensitive fields follow the rules. */
  listFields: () => string;
  oneFields?: () => string;
  /** react-admin filter (plus `q`) → the API filter input. */
  toFilter?: (filter: Filter) => Filter;
  /** react-admin sort → the API orderBy enum value, when the API can sort by that field. */
  toOrder?: (sort: SortPayload | undefined) => string | undefined;
  /** API node → react-admin record (flattens references to `<name>Id` for the forms). */
  toRecord?: (node: Node) => RaRecord;
  /** Form data → mutation input: keys not in the schema's input type are dropped. */
  toInput?: (data: Filter) => Filter;
  create?: string;
  update?: string;
  /** The update's input type requires every field: send the whole form, not only what changed. */
  wholeInput?: boolean;
  remove?: string;
}

/** Mutation inputs take `{ lng, lat }`; the forms edit two numbers. */
export function locationInput(data: Filter): Filter {
  const lng = data.lng;
  const lat = data.lat;
  if (typeof lng === 'number' && typeof lat === 'number') return { ...data, location: { lng, lat } };
  return data;
}

export function flatten(node: Node, refs: string[]): RaRecord {
  const record: Record<string, unknown> = { ...node };
  for (const ref of refs) {
    const value = node[ref];
    if (Array.isArray(value)) record[`${ref.endsWith('ies') ? `${ref.slice(0, -3)}y` : ref.slice(0, -1)}Ids`] = value.map((v: { id: string }) => v.id);
    else if (value && typeof value === 'object' && 'id' in value) record[`${ref}Id`] = (value as { id: string }).id;
  }
  const location = node.location as { lng: number; lat: number } | null | undefined;
  if (location) Object.assign(record, { lng: location.lng, lat: location.lat });
  return record as RaRecord;
}

/** Calendar days of the filters are days in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDayStart(day: string, addDays = 0): string {
  const start = new Date(`${day}T00:00:00+08:00`);
  start.setUTCDate(start.getUTCDate() + addDays);
  return start.toISOString();
}
